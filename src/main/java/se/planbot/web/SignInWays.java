package se.planbot.web;

/** Which ways of signing in to the console are on: mail links ({@code auth.mail-link}) and the identity provider. */
record SignInWays(boolean mailLink, boolean oidc) {
}
