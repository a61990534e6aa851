package se.planbot.mail;

/** A message's three rendered texts: one-line subject, plain text body, HTML body. */
public record RenderedMail(String subject, String text, String html) {
}
