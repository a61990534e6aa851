package se.planbot;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import se.planbot.config.Config;
import se.planbot.db.Jdbc;
import se.planbot.dialogs.Dialog;
import se.planbot.dialogs.DialogState;
import se.planbot.outbox.OutboxStatus;
import se.planbot.plan.Action;

/**
 * The coordinator's year in a real browser (a11y/console-story.mjs in headless Chromium) against a
 * running Planbot that mails through SMTP (GreenMail): sign in through the link taken from the mail
 * that arrived, edit an action, import a sheet via the preview, publish a dialog, send a dead
 * message again, stay signed in across a restart of Planbot (same database, same port), and an
 * owner updates an action from the link in a real reminder mail. Needs .ci/needs-business.sh.
 */
class ConsoleStoryBrowserTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final Pattern SIGN_IN = Pattern.compile("(http://localhost:\\d+/admin/login/link\\?token=\\S+)");
    private static final Pattern UPDATE = Pattern.compile("(http://localhost:\\d+/admin/update/(\\d+)\\?token=\\S+)");

    @TempDir
    Path folder;
    MutableClock clock = new MutableClock(BusinessFixture.at("2026-12-01T10:00"));
    Map<String, String> settings = new LinkedHashMap<>();
    Planbot planbot;
    long deadId;
    long ownerActionId;

    @AfterEach
    void stop() {
        if (planbot != null) {
            planbot.close();
        }
    }

    @Test
    void a_coordinator_runs_the_programme_from_the_browser_and_an_owner_updates_from_the_mail() throws Exception {
        assertThat(Path.of("a11y/node_modules/playwright-core")).as("run .ci/needs-business.sh first").exists();
        int port;
        try (var free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        settings.put("http.port", String.valueOf(port));
        settings.put("db.path", folder.resolve("planbot.db").toString());
        settings.put("public.base-url", "http://localhost:" + port);
        settings.put("mail.from", "Näringsliv Alingsås <naringsliv@example.se>");
        settings.put("mail.transport", "smtp");
        settings.put("smtp.host", "127.0.0.1");
        settings.put("smtp.port", String.valueOf(greenMail.getSmtp().getPort()));
        settings.put("smtp.timeout-seconds", "5");
        planbot = new Planbot(Config.of(settings), clock);
        planbot.loadDemo();
        planbot.start();

        String output = story("http://localhost:" + port);
        assertThat(output).contains("console story: every step done");

        Action edited = planbot.plan().actionByCode("1.1").orElseThrow();
        assertThat(edited.title()).isEqualTo("Företagslotsen: ändrad i webbläsaren");
        assertThat(planbot.plan().history(edited.id())).anySatisfy(change ->
                assertThat(change.actor()).isEqualTo("Koordinator Demo (konsol)"));
        assertThat(planbot.plan().actionByCode("9.8").orElseThrow().title()).isEqualTo("Ny från webbläsaren");
        assertThat(planbot.dialogs().dialogs().allDialogs(java.time.Instant.EPOCH)).filteredOn(dialog ->
                dialog.title().equals("Workshop i webbläsaren")).extracting(Dialog::state).containsExactly(DialogState.PUBLISHED);
        assertThat(planbot.outboxAdmin().entry(deadId).orElseThrow().status()).isNotEqualTo(OutboxStatus.DEAD);
        Action updated = planbot.plan().action(ownerActionId).orElseThrow();
        assertThat(updated.progress()).isEqualTo(55);
        assertThat(planbot.plan().lastChange(ownerActionId).orElseThrow().actor()).endsWith("(e-postlänk)");
    }

    /** Runs the story, answering its questions; what the browser did, step by step. */
    private String story(String base) throws Exception {
        Process process = new ProcessBuilder("node", "console-story.mjs", base).directory(Path.of("a11y").toFile())
                .redirectErrorStream(true).start();
        var watchdog = Executors.newSingleThreadScheduledExecutor();
        watchdog.schedule(process::destroyForcibly, 5, TimeUnit.MINUTES);
        var output = new StringBuilder();
        try (var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                var writer = new PrintWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), true)) {
            String line;
            while ((line = reader.readLine()) != null) {
                output.append(line).append('\n');
                if (line.startsWith("NEED ")) {
                    writer.println(answer(line.substring(5).trim(), base));
                }
            }
            assertThat(process.waitFor(1, TimeUnit.MINUTES)).as(output.toString()).isTrue();
        } finally {
            watchdog.shutdownNow();
        }
        assertThat(process.exitValue()).as(output.toString()).isZero();
        return output.toString();
    }

    private String answer(String question, String base) throws Exception {
        return switch (question) {
            case "signin-link" -> link("koordinator@example.se", SIGN_IN).group(1);
            case "action-path" -> "/admin/actions/" + planbot.plan().actionByCode("1.1").orElseThrow().id();
            case "import-file" -> importFile();
            case "restart" -> restart();
            case "owner-link" -> ownerLink();
            default -> throw new AssertionError("the story asked for " + question);
        };
    }

    /** The plan as it now stands, and one new action: the preview says "1 nya, 0 ändrade". */
    private String importFile() throws Exception {
        var export = new ByteArrayOutputStream();
        planbot.transfer().exportCsv(export);
        Path file = folder.resolve("plan-med-ny.csv");
        Files.writeString(file, export.toString(StandardCharsets.UTF_8)
                + "9.8;Ny från webbläsaren;;1 Service och bemötande;;;;Kommunledningskontoret;;2027-06-30;Planerad;0;plan\n",
                StandardCharsets.UTF_8);
        // While the coordinator reads the preview, a message is refused for good: the next step sends it again.
        waitForQuietOutbox();
        deadId = planbot.database().write(connection -> {
            long id = Jdbc.one(connection, "select min(id) from outbox where status = 'sent'", row -> row.getLong(1)).orElseThrow();
            Jdbc.update(connection, "update outbox set status = 'dead', last_error = ? where id = ?",
                    "550 5.1.1 mottagaren finns inte", id);
            return id;
        });
        return file.toString();
    }

    private String restart() {
        planbot.close();
        planbot = new Planbot(Config.of(settings), clock).start();
        return "ok";
    }

    /** The update link of the first reminder mail that really arrived. */
    private String ownerLink() throws Exception {
        String owner = planbot.database().read(connection -> Jdbc.one(connection,
                "select recipient from outbox where template = 'reminder' and channel = 'email' order by id",
                row -> row.getString(1))).orElseThrow();
        Matcher link = link(owner, UPDATE);
        ownerActionId = Long.parseLong(link.group(2));
        return link.group(1);
    }

    private Matcher link(String recipient, Pattern pattern) throws Exception {
        for (int attempt = 0; attempt < 100; attempt++) {
            MimeMessage[] received = greenMail.getReceivedMessages();
            for (int i = received.length - 1; i >= 0; i--) {
                MimeMessage message = received[i];
                Matcher matcher = pattern.matcher(plainText(message));
                if (Arrays.stream(message.getAllRecipients()).anyMatch(address -> address.toString().contains(recipient))
                        && matcher.find()) {
                    return matcher;
                }
            }
            greenMail.waitForIncomingEmail(300, received.length + 1);
        }
        throw new AssertionError("no mail to " + recipient + " with " + pattern);
    }

    private void waitForQuietOutbox() throws InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            long busy = planbot.database().read(connection -> Jdbc.count(connection,
                    "select count(*) from outbox where status in ('pending', 'sending')"));
            if (busy == 0) {
                return;
            }
            Thread.sleep(200);
        }
    }

    private static String plainText(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return String.valueOf(part.getContent());
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = plainText(multipart.getBodyPart(i));
                if (!text.isEmpty()) {
                    return text;
                }
            }
        }
        return "";
    }
}
