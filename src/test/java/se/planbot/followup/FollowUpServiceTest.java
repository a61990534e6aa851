package se.planbot.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.planbot.Fixtures;
import se.planbot.db.DatabaseException;
import se.planbot.db.Jdbc;
import se.planbot.followup.ReportFigures.StrategyRow;
import se.planbot.plan.ActionStatus;
import se.planbot.problem.InvalidInput;

class FollowUpServiceTest {

    @TempDir
    Path folder;
    FollowUpStory story;

    @BeforeEach
    void start() {
        story = new FollowUpStory(folder);
    }

    @AfterEach
    void stop() {
        story.close();
    }

    @Test
    void a_new_draft_has_every_section_empty_and_none_ready() {
        FollowUpReport draft = story.reports().startDraft(2026, "Karin Öst");

        assertThat(draft.isPublished()).isFalse();
        assertThat(draft.sections()).extracting(FollowUpReport.SectionText::section).containsExactly(Section.values());
        assertThat(draft.sections()).allSatisfy(text -> {
            assertThat(text.body()).isEmpty();
            assertThat(text.ready()).isFalse();
        });
        assertThat(draft.notReady()).containsExactly(Section.values());
    }

    @Test
    void a_second_draft_for_the_same_year_is_refused() {
        story.reports().startDraft(2026, "Karin Öst");

        assertThatThrownBy(() -> story.reports().startDraft(2026, "Karin Öst"))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("det finns redan en uppföljning för 2026");
    }

    @Test
    void a_year_outside_2000_to_2099_is_refused() {
        assertThatThrownBy(() -> story.reports().startDraft(1999, "Karin Öst"))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("1999 är utanför gränserna");
    }

    @Test
    void the_figures_count_each_strategys_actions_and_list_those_done_in_the_year_and_those_overdue() {
        FollowUpReport draft = story.reports().startDraft(2026, "Karin Öst");

        ReportFigures figures = story.reports().figures(draft);

        assertThat(figures.takenAt()).isEqualTo(FollowUpStory.WRITING);
        assertThat(figures.strategies()).containsExactly(
                new StrategyRow(1, "Service och bemötande", 2, 0, 0, 1, 1, 0),
                new StrategyRow(2, "Kompetensförsörjning", 3, 1, 2, 0, 0, 1));
        assertThat(figures.strategies().get(0).shareDone()).isEqualTo(100);
        assertThat(figures.strategies().get(1).shareDone()).isZero();
        assertThat(figures.total()).isEqualTo(new StrategyRow(0, "Totalt", 5, 1, 2, 1, 1, 1));
        assertThat(figures.total().shareDone()).isEqualTo(25);
        assertThat(figures.completed()).extracting(ReportFigures.ActionRow::code).containsExactly("1.1");
        assertThat(figures.completed().get(0).owner()).isEqualTo("Anna Åberg");
        assertThat(figures.overdue()).extracting(ReportFigures.ActionRow::code).containsExactly("2.1");
        assertThat(figures.nextYearActions()).extracting(ReportFigures.ActionRow::code).containsExactly("2.3");
    }

    @Test
    void the_figures_list_the_dialogs_held_in_the_year_with_their_participants() {
        ReportFigures figures = story.reports().figures(story.reports().startDraft(2026, "Karin Öst"));

        assertThat(figures.dialogs()).singleElement().satisfies(dialog -> {
            assertThat(dialog.title()).isEqualTo("Frukostmöte om kompetens");
            assertThat(dialog.participants()).isEqualTo(2);
            assertThat(dialog.start().toString()).isEqualTo("2026-05-20T07:30");
        });
        assertThat(figures.participants()).isEqualTo(2);
        assertThat(story.reports().figures(story.reports().startDraft(2025, "Karin Öst")).dialogs()).isEmpty();
    }

    @Test
    void without_a_proposals_feature_the_report_has_no_proposals_registered() {
        ReportFigures figures = story.reports().figures(story.reports().startDraft(2026, "Karin Öst"));

        assertThat(figures.proposalsRegistered()).isFalse();
        assertThat(figures.proposalOutcomes()).isEmpty();
    }

    @Test
    void with_proposals_the_report_counts_their_outcomes_and_names_the_actions_they_became() {
        ProposalOutcomes proposals = year -> Optional.of(year != 2026 ? List.of() : List.of(
                new ProposalFigure("Gemensam rekryteringsmässa", "Antaget", "Blir åtgärd 2.3", "2.3"),
                new ProposalFigure("Fler parkeringar", "Avslaget", "Ryms inte i budgeten", null),
                new ProposalFigure("Lokalt företagspris", "Antaget", "", "")));
        var followUp = FollowUp.create(story.planbot.database(), story.planbot.plan(),
                story.planbot.dialogs().dialogs(), IndicatorFigures.NONE, proposals, story.clock, story.planbot.zone());

        ReportFigures figures = followUp.reports().figures(followUp.reports().startDraft(2026, "Karin Öst"));

        assertThat(figures.proposalsRegistered()).isTrue();
        assertThat(figures.proposalOutcomes()).containsExactly(new ReportFigures.OutcomeCount("Antaget", 2),
                new ReportFigures.OutcomeCount("Avslaget", 1));
        assertThat(figures.proposals().get(0).actionCode()).isEqualTo("2.3");
    }

    @Test
    void publishing_needs_every_section_ready_and_names_those_that_are_not() {
        story.reports().startDraft(2026, "Karin Öst");
        story.reports().saveSection(2026, Section.INTRODUCTION, "Året i korthet.", true, "Karin Öst");
        story.reports().saveSection(2026, Section.ACTIONS, "Arbetet går framåt.", false, "Karin Öst");

        assertThatThrownBy(() -> story.reports().publish(2026, "Karin Öst"))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("inte klara: Mål och indikatorer, Åtgärder per strategi, Från dialog till åtgärd, Nästa år");
        assertThat(story.reports().require(2026).isPublished()).isFalse();
    }

    @Test
    void a_section_cannot_be_marked_ready_without_a_text() {
        story.reports().startDraft(2026, "Karin Öst");

        assertThatThrownBy(() -> story.reports().saveSection(2026, Section.INDICATORS, "  ", true, "Karin Öst"))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("skriv en text i ”Mål och indikatorer”");
    }

    @Test
    void a_published_report_keeps_the_figures_of_the_moment_it_was_published() {
        story.readyDraft(2026);
        FollowUpReport published = story.reports().publish(2026, "Karin Öst");
        story.clock.advance(java.time.Duration.ofDays(3));
        Fixtures.setStatus(story.planbot, story.overdue, ActionStatus.DONE);

        FollowUpReport read = story.reports().published(2026).orElseThrow();
        ReportFigures figures = story.reports().figures(read);

        assertThat(published.publishedAt()).isEqualTo(FollowUpStory.WRITING);
        assertThat(published.publishedBy()).isEqualTo("Karin Öst");
        assertThat(figures.takenAt()).isEqualTo(FollowUpStory.WRITING);
        assertThat(figures.overdue()).extracting(ReportFigures.ActionRow::code).containsExactly("2.1");
        assertThat(figures.total().done()).isEqualTo(1);
        assertThat(figures.dialogs()).hasSize(1);
        // The plan itself moved on.
        assertThat(story.planbot.plan().actionByCode("2.1").orElseThrow().status()).isEqualTo(ActionStatus.DONE);
    }

    @Test
    void a_published_report_cannot_be_edited_by_the_service_nor_in_the_database() {
        story.readyDraft(2026);
        story.reports().publish(2026, "Karin Öst");

        assertThatThrownBy(() -> story.reports().saveSection(2026, Section.INTRODUCTION, "Ny text", true, "Karin Öst"))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("är publicerad och kan inte ändras");
        assertThatThrownBy(() -> story.reports().publish(2026, "Karin Öst"))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("är publicerad");
        assertThatThrownBy(() -> story.planbot.database().write(connection -> Jdbc.update(connection,
                "update followup_sections set body = 'ändrad' where year = 2026")))
                .isInstanceOf(DatabaseException.class).hasMessageContaining("cannot change");
        assertThatThrownBy(() -> story.planbot.database().write(connection -> Jdbc.update(connection,
                "update followup_reports set figures_json = '{}' where year = 2026")))
                .isInstanceOf(DatabaseException.class);
        assertThat(story.reports().require(2026).section(Section.INTRODUCTION).body())
                .isEqualTo("Text om inledning 2026.");
    }

    @Test
    void next_years_draft_starts_from_the_last_reports_texts_none_of_them_ready() {
        story.readyDraft(2026);
        story.reports().publish(2026, "Karin Öst");

        FollowUpReport next = story.reports().startDraft(2027, "Karin Öst");

        assertThat(next.section(Section.NEXT_YEAR).body()).isEqualTo("Text om nästa år 2026.");
        assertThat(next.notReady()).containsExactly(Section.values());
        assertThat(next.meetings()).isEmpty();
    }

    @Test
    void the_coming_years_meetings_are_the_listed_dates_and_the_planned_dialogs_in_date_order() {
        story.reports().startDraft(2026, "Karin Öst");

        FollowUpReport saved = story.reports().saveMeetings(2026,
                "2027-10-05 Näringslivsforum, hösten\n\n2027-04-15 – Näringslivsforum, våren\n2027-11-20 Årlig avstämning med kommunstyrelsen");

        assertThat(story.reports().figures(saved).meetings()).extracting(ReportFigures.MeetingRow::title).containsExactly(
                "Näringslivsforum, våren", "Näringslivsforum, hösten", "Årlig avstämning med kommunstyrelsen");
    }

    @Test
    void a_meeting_line_without_a_date_is_refused_naming_the_line_and_nothing_is_saved() {
        story.reports().startDraft(2026, "Karin Öst");

        assertThatThrownBy(() -> story.reports().saveMeetings(2026, "2027-04-15 Näringslivsforum\nvåren 2027 Mässa"))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("rad 2: ”våren” är inget datum");
        assertThat(story.reports().require(2026).meetings()).isEmpty();
    }

    @Test
    void indicators_are_judged_on_the_stated_scale_from_the_baseline_towards_the_target() {
        // +3 700 jobs from 2021 to 2035: by 2026 (5 of 14 years) about 1 321 are needed.
        assertThat(Judgement.of(0.0, 2021, 3700.0, 2035, 1300.0, 2026)).isEqualTo(Judgement.ON_TRACK);
        assertThat(Judgement.of(0.0, 2021, 3700.0, 2035, 900.0, 2026)).isEqualTo(Judgement.PARTLY);
        assertThat(Judgement.of(0.0, 2021, 3700.0, 2035, 400.0, 2026)).isEqualTo(Judgement.NOT_ON_TRACK);
        assertThat(Judgement.of(0.0, 2021, 3700.0, 2035, -50.0, 2026)).isEqualTo(Judgement.NOT_ON_TRACK);
        assertThat(Judgement.of(0.0, 2021, 3700.0, 2035, 3800.0, 2026)).isEqualTo(Judgement.ON_TRACK);
        // Lower is better: unemployment from 8 % towards 5 %.
        assertThat(Judgement.of(8.0, 2021, 5.0, 2031, 6.4, 2026)).isEqualTo(Judgement.ON_TRACK);
        assertThat(Judgement.of(8.0, 2021, 5.0, 2031, 8.5, 2026)).isEqualTo(Judgement.NOT_ON_TRACK);
        assertThat(Judgement.of(null, 2021, 5.0, 2031, 6.4, 2026)).isEqualTo(Judgement.CANNOT_JUDGE);
        assertThat(Judgement.of(8.0, 2021, 5.0, 2031, null, null)).isEqualTo(Judgement.CANNOT_JUDGE);
        assertThat(Judgement.values()).extracting(Judgement::symbol).doesNotHaveDuplicates();
    }

    @Test
    void each_indicator_shows_its_latest_value_up_to_the_year_the_one_before_and_its_judgement() {
        IndicatorFigures indicators = () -> List.of(new IndicatorFigure("Nya jobb sedan 2021", "jobb",
                "3 700 fler jobb till 2035", true, 2021, 0.0, 2035, 3700.0,
                Map.of(2022, 310.0, 2023, 720.0, 2024, 1010.0, 2025, 1350.0, 2027, 2000.0), "SCB", "Serieavbrott 2019"));
        var followUp = FollowUp.create(story.planbot.database(), story.planbot.plan(),
                story.planbot.dialogs().dialogs(), indicators, ProposalOutcomes.NONE, story.clock, story.planbot.zone());

        ReportFigures figures = followUp.reports().figures(followUp.reports().startDraft(2026, "Karin Öst"));

        assertThat(figures.indicators()).singleElement().satisfies(row -> {
            assertThat(row.latestYear()).isEqualTo(2025);
            assertThat(row.latestValue()).isEqualTo(1350.0);
            assertThat(row.previousYear()).isEqualTo(2024);
            assertThat(row.previousValue()).isEqualTo(1010.0);
            assertThat(row.judgement()).isEqualTo(Judgement.ON_TRACK);
            assertThat(row.series()).hasSize(4);
            assertThat(row.note()).isEqualTo("Serieavbrott 2019");
        });
    }

}
