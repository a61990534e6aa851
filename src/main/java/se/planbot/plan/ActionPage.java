package se.planbot.plan;

import java.util.List;

/** One page of a longer list of actions, and how many the whole list holds. */
public record ActionPage(List<Action> actions, int total) {
}
