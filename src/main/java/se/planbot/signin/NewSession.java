package se.planbot.signin;

/**
 * A session just begun.
 *
 * @param secret the cookie's value: the only time it is seen in plain text
 */
public record NewSession(String secret, ConsoleSession session) {
}
