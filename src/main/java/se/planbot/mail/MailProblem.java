package se.planbot.mail;

/** A message that can never be built as it stands (missing template, bad address): not worth retrying. */
public final class MailProblem extends Exception {
    public MailProblem(String message) {
        super(message);
    }
}
