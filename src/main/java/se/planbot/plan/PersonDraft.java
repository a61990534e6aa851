package se.planbot.plan;

/** A new person as given by a person, before it is checked. */
public record PersonDraft(String name, String email, String slackUserId, PersonRole role) {
}
