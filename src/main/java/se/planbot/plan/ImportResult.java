package se.planbot.plan;

/** What an import did. */
public record ImportResult(int created, int updated, int unchanged) {

    public String summary() {
        return created + " nya, " + updated + " uppdaterade, " + unchanged + " oförändrade åtgärder";
    }
}
