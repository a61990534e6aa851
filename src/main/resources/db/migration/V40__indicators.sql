-- Issue 12: the programme's indicators and their yearly values.
-- Years are integers; decimal values are text in plain notation (BigDecimal.toPlainString, e.g.
-- '4.1', '3700') so no database rounds them; instants are ISO text in UTC as in V1.
-- A value row with value null is a year known to be missing (Kolada answered null).

create table indicators (
    id                  integer primary key,
    name                text not null,
    description         text not null default '',
    unit                text not null default '',
    direction           text not null default 'higher' check (direction in ('higher', 'lower')),
    goal                text not null default '',
    strategy_id         integer references strategies (id),
    baseline_year       integer,
    baseline_value      text,
    target_year         integer,
    target_value        text,
    source_kind         text not null default 'manual' check (source_kind in ('manual', 'kolada', 'file', 'derived')),
    kolada_kpi          text,
    kolada_municipality text,
    derived_from        integer references indicators (id),
    created_at          text not null,
    updated_at          text not null,
    check (baseline_year is null or target_year is null or target_year >= baseline_year),
    check (source_kind <> 'kolada' or kolada_kpi is not null),
    check (source_kind <> 'derived' or derived_from is not null)
);

create table indicator_values (
    indicator_id integer not null references indicators (id),
    year         integer not null check (year between 1900 and 2100),
    value        text,
    source       text not null check (source in ('manual', 'kolada', 'file')),
    fetched_at   text not null,
    note         text not null default '',
    entered_by   text not null default '',
    primary key (indicator_id, year)
);

-- A Kolada value that differs from one someone entered by hand: kept here (the hand-entered value
-- stays), reported by the fetch and the digest until the two agree or someone takes Kolada's.
create table indicator_value_differences (
    indicator_id integer not null references indicators (id),
    year         integer not null,
    kolada_value text,
    found_at     text not null,
    primary key (indicator_id, year)
);
