package se.planbot.followup;

import java.util.List;

/**
 * Where the report's indicator section gets its figures: the indicators feature when it is there,
 * else nothing (the section then says no indicators are registered). Kept this small so the report
 * does not depend on how indicators are stored.
 */
public interface IndicatorFigures {

    /** Every indicator the programme follows, with its yearly values. */
    List<IndicatorFigure> all();

    /** No indicators feature: an empty list. */
    IndicatorFigures NONE = List::of;
}
