package se.planbot.plan;

/** One of the programme's numbered strategies. */
public record Strategy(int id, String title, String description) {
}
