package se.planbot.plan;

import java.util.Optional;

/** An action with its newest history entry ("last update" in a Slack answer), read together. */
public record ActionDetail(Action action, Optional<Change> lastChange) {
}
