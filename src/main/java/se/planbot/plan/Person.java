package se.planbot.plan;

/** Someone who owns actions, coordinates the programme or sits in the working group. */
public record Person(long id, String name, String email, String slackUserId, PersonRole role) {
}
