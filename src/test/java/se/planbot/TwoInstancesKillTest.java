package se.planbot;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import se.planbot.config.Config;
import se.planbot.db.Jdbc;
import se.planbot.db.PostgresServer;
import se.planbot.dialogs.DialogDraft;
import se.planbot.slack.FakeSlackApi;

/**
 * Two Planbot processes (real JVMs, {@code serve}) on one PostgreSQL, as behind a load balancer: a
 * dialog published to 2,000 subscribers goes out through a real SMTP server (GreenMail) while one
 * instance is killed with kill -9 again and again and started again. Every subscriber gets the
 * invitation, at most one more copy per kill (the message in flight); the digest goes out once;
 * each sweep moment is run once (a run cut short by a kill is taken over); and a signed Slack
 * request replayed to the other instance is refused with 401.
 */
class TwoInstancesKillTest {

    private static final int SUBSCRIBERS = 2000;
    private static final int KILLS = 3;
    private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path folder;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void two_instances_kill_9_several_times_every_subscriber_once_one_digest_one_sweep_per_moment() throws Exception {
        String url = PostgresServer.get().newDatabase();
        try (var slackApi = new FakeSlackApi(); var slowSmtp = new SlowLink(smtp.getSmtp().getPort(), 6)) {
            var settings = new HashMap<String, String>();
            settings.put("db.url", url);
            settings.put("templates.dir", Path.of("templates").toAbsolutePath().toString());
            settings.put("public.base-url", "https://planbot.example.se");
            settings.put("mail.from", "Planbot <planbot@example.se>");
            settings.put("mail.transport", "smtp");
            settings.put("smtp.host", "127.0.0.1");
            settings.put("smtp.port", Integer.toString(slowSmtp.port()));
            settings.put("outbox.poll-seconds", "1");
            settings.put("reminders.sweep-minutes", "1");
            settings.put("slack.bot-token", "xoxb-fake");
            settings.put("slack.signing-secret", SECRET);
            settings.put("slack.api-url", slackApi.apiUrl());

            publishDialogToSubscribers(settings);

            // The digest is due once, shortly after both instances are up: that day and time this year
            // and next (a trigger with no time left would stop a restart), so the start-up sweep has
            // no earlier time of it to catch up on.
            ZonedDateTime digestAt = ZonedDateTime.now(ZONE).plusSeconds(45).withNano(0);
            settings.put("reminders.digest-cron", digestAt.getSecond() + " " + digestAt.getMinute() + " "
                    + digestAt.getHour() + " " + digestAt.getDayOfMonth() + " " + digestAt.getMonthValue() + " ? "
                    + digestAt.getYear() + "," + (digestAt.getYear() + 1));

            var a = new Instance("a", settings);
            var b = new Instance("b", settings);
            try {
                a.start();
                b.start();
                a.awaitUp();
                b.awaitUp();

                int kills = 0;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(150);
                while (invitations().size() < SUBSCRIBERS && System.nanoTime() < deadline) {
                    int received = invitations().size();
                    if (kills < KILLS && received >= (kills + 1) * SUBSCRIBERS / (KILLS + 2) && b.sentSomething()) {
                        b.kill();
                        kills++;
                        b.start();
                        b.awaitUp();
                    }
                    Thread.sleep(200);
                }
                assertThat(kills).as("kills while sending").isEqualTo(KILLS);
                awaitDigest(url, digestAt);
                // On a quiet machine the sending is over before the first timed sweep (a minute after the
                // start-up one): wait for one, so "one sweep per due moment" is checked on a real moment.
                awaitSweepMoment(url);

                List<String> invited = invitations();
                var perRecipient = new HashMap<String, Integer>();
                invited.forEach(recipient -> perRecipient.merge(recipient, 1, Integer::sum));
                assertThat(perRecipient).hasSize(SUBSCRIBERS);
                assertThat(invited.size() - SUBSCRIBERS).as("duplicates").isLessThanOrEqualTo(kills);
                assertThat(perRecipient.values()).allMatch(copies -> copies <= 2);

                try (var connection = DriverManager.getConnection(url)) {
                    assertThat(Jdbc.count(connection, "select count(*) from outbox where template = 'digest'"))
                            .isEqualTo(1);
                    assertThat(Jdbc.count(connection,
                            "select count(*) from outbox where template = 'dialog-invitation' and status <> 'sent'"))
                            .isZero();
                    assertThat(Jdbc.count(connection, "select count(*) from scheduled_runs where job = 'digest'"))
                            .isEqualTo(1);
                    long sweeps = Jdbc.count(connection, "select count(*) from scheduled_runs where job = 'sweep'");
                    long begun = Jdbc.count(connection,
                            "select coalesce(sum(attempts), 0) from scheduled_runs where job = 'sweep'");
                    assertThat(sweeps).as("sweep moments").isGreaterThanOrEqualTo(1);
                    assertThat(begun).as("sweeps begun").isLessThanOrEqualTo(sweeps + kills);
                    // The figures, for the record of a run.
                    System.out.printf("kill test: %d kills, %d invitations to %d subscribers (%d duplicates), "
                            + "%d sweep moments (%d runs begun)%n", kills, invited.size(), perRecipient.size(),
                            invited.size() - SUBSCRIBERS, sweeps, begun);
                }
                long digestRow;
                try (var connection = DriverManager.getConnection(url)) {
                    digestRow = Jdbc.count(connection, "select id from outbox where template = 'digest'");
                }
                assertThat(digestsReceived(digestRow)).isEqualTo(1);

                // A signed request accepted by one instance is refused by the other when replayed.
                byte[] body = ("token=legacy&team_id=T0TEST&channel_id=C0PLAN&user_id=U0KILL&user_name=kill"
                        + "&command=%2Fplan&text=hj%C3%A4lp&api_app_id=A0PLAN&response_url="
                        + slackApi.apiUrl().replace("/api/", "/response/kill")
                        + "&trigger_id=1.2.3").getBytes(StandardCharsets.UTF_8);
                long timestamp = System.currentTimeMillis() / 1000;
                String signature = sign(timestamp, body);
                assertThat(a.slack(body, timestamp, signature).statusCode()).isEqualTo(200);
                assertThat(b.slack(body, timestamp, signature).statusCode()).isEqualTo(401);
            } finally {
                a.kill();
                b.kill();
            }
        }
    }

    /** Demo plan, 2,000 confirmed subscribers of strategy 2, and a dialog for it published: 2,000 invitations queued. */
    private void publishDialogToSubscribers(Map<String, String> settings) throws IOException {
        var values = new HashMap<>(settings);
        values.put("mail.transport", "file");
        values.put("mail.file-dir", folder.resolve("setup-mail").toString());
        try (var planbot = new Planbot(Config.of(values), Clock.systemUTC())) {
            planbot.loadDemo();
            planbot.database().write(connection -> {
                Jdbc.update(connection, """
                        insert into subscribers (email, name, company, locale, status, created_at, confirmed_at)
                        select 's' || n || '@kill.example.se', 'Prenumerant ' || n, '', 'sv', 'confirmed', ?, ?
                        from generate_series(1, ?) as n
                        """, java.time.Instant.now(), java.time.Instant.now(), SUBSCRIBERS);
                Jdbc.update(connection, """
                        insert into subscriber_topics (subscriber_id, strategy_id)
                        select id, 2 from subscribers where name like 'Prenumerant %'
                        """);
                return null;
            });
            var start = LocalDateTime.now(ZONE).plusDays(20).withHour(8).withMinute(0).withSecond(0).withNano(0);
            var dialog = planbot.dialogs().dialogs().create(new DialogDraft("Frukost om kompetens", "Kompetens",
                    "Hur behåller företagen rätt kompetens?", start, start.plusMinutes(90), "Stadshuset", "", null,
                    List.of(2)));
            planbot.dialogs().dialogs().publish(dialog.id());
        }
    }

    private List<String> invitations() throws MessagingException {
        var recipients = new ArrayList<String>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            String to = ((jakarta.mail.internet.InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).getAddress();
            if (to.endsWith("@kill.example.se")) {
                recipients.add(to);
            }
        }
        return recipients;
    }

    /** Messages received for outbox row {@code id} (its Message-ID is {@code <outbox-ID.…>}). */
    private int digestsReceived(long id) throws MessagingException {
        int digests = 0;
        for (MimeMessage message : smtp.getReceivedMessages()) {
            String[] messageId = message.getHeader("Message-ID");
            if (messageId != null && messageId[0].startsWith("<outbox-" + id + ".")) {
                digests++;
            }
        }
        return digests;
    }

    private void awaitSweepMoment(String url) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            try (var connection = DriverManager.getConnection(url)) {
                if (Jdbc.count(connection, "select count(*) from scheduled_runs where job = 'sweep' and done_at is not null") > 0
                        && Jdbc.count(connection, "select count(*) from scheduled_runs where done_at is null") == 0) {
                    return;
                }
            }
            Thread.sleep(500);
        }
    }

    private void awaitDigest(String url, ZonedDateTime digestAt) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (ZonedDateTime.now(ZONE).isAfter(digestAt.plusSeconds(3))) {
                try (var connection = DriverManager.getConnection(url)) {
                    if (Jdbc.count(connection, "select count(*) from outbox where template = 'digest' and status = 'sent'") > 0
                            && Jdbc.count(connection, "select count(*) from scheduled_runs where done_at is null") == 0) {
                        return;
                    }
                }
            }
            Thread.sleep(500);
        }
    }

    private static String sign(long timestamp, byte[] body) throws Exception {
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
        return "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    /**
     * A TCP link to GreenMail that holds each message's end of data for {@code delayMillis}: a
     * relay's pace, so that the kills land while both instances are sending.
     */
    private static final class SlowLink implements AutoCloseable {
        private final ServerSocket server;
        private final int target;
        private final long delayMillis;

        SlowLink(int target, long delayMillis) throws IOException {
            this.server = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
            this.target = target;
            this.delayMillis = delayMillis;
            Thread accept = new Thread(this::accept, "slow-smtp");
            accept.setDaemon(true);
            accept.start();
        }

        int port() {
            return server.getLocalPort();
        }

        private void accept() {
            try {
                while (true) {
                    var client = server.accept();
                    var upstream = new java.net.Socket("127.0.0.1", target);
                    pump(client, upstream, true);
                    pump(upstream, client, false);
                }
            } catch (IOException closed) {
                // The test is over.
            }
        }

        private void pump(java.net.Socket from, java.net.Socket to, boolean slow) {
            Thread thread = new Thread(() -> {
                byte[] buffer = new byte[16384];
                try (from; to) {
                    var in = from.getInputStream();
                    var out = to.getOutputStream();
                    int read;
                    while ((read = in.read(buffer)) > 0) {
                        if (slow && new String(buffer, 0, read, StandardCharsets.ISO_8859_1).contains("\r\n.\r\n")) {
                            Thread.sleep(delayMillis);
                        }
                        out.write(buffer, 0, read);
                        out.flush();
                    }
                } catch (IOException | InterruptedException e) {
                    // One side closed (or was killed): the other goes too.
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    /** One Planbot process: its configuration file, its port, its log. */
    private final class Instance {
        private final String name;
        private final int port;
        private final Path config;
        private Process process;
        private long logOffset;

        Instance(String name, Map<String, String> settings) throws IOException {
            this.name = name;
            try (var socket = new ServerSocket(0)) {
                this.port = socket.getLocalPort();
            }
            var lines = new StringBuilder();
            settings.forEach((key, value) -> lines.append(key).append('=').append(value.replace("\\", "\\\\")).append('\n'));
            lines.append("http.port=").append(port).append('\n');
            lines.append("mail.file-dir=").append(folder.resolve(name + "-mail")).append('\n');
            this.config = folder.resolve(name + ".properties");
            Files.writeString(config, lines.toString(), StandardCharsets.UTF_8);
        }

        void start() throws IOException {
            Path log = folder.resolve(name + ".log");
            logOffset = Files.exists(log) ? Files.size(log) : 0;
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            process = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-Dfile.encoding=UTF-8", "-Dlogback.configurationFile=" + Path.of("config/logback.xml").toAbsolutePath(),
                    "-cp", System.getProperty("java.class.path"), "se.planbot.Main",
                    "--config", config.toString(), "serve")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(folder.resolve(name + ".log").toFile()))
                    .start();
        }

        void awaitUp() throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                assertThat(process.isAlive()).as(name + " is running (see " + name + ".log)").isTrue();
                try {
                    http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                            HttpResponse.BodyHandlers.discarding());
                    return;
                } catch (IOException notYet) {
                    Thread.sleep(100);
                }
            }
            throw new AssertionError(name + " did not answer within a minute; its log:\n"
                    + Files.readString(folder.resolve(name + ".log")));
        }

        /** True once this start has sent at least one message (so the kill lands mid-sending). */
        boolean sentSomething() throws IOException {
            byte[] log = Files.readAllBytes(folder.resolve(name + ".log"));
            String sinceStart = new String(log, (int) Math.min(logOffset, log.length), (int) Math.max(0, log.length - logOffset),
                    StandardCharsets.UTF_8);
            return sinceStart.split("Sent outbox message", -1).length - 1 >= 5;
        }

        void kill() throws InterruptedException {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }

        HttpResponse<String> slack(byte[] body, long timestamp, String signature) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slack/events"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-Slack-Request-Timestamp", Long.toString(timestamp))
                    .header("X-Slack-Signature", signature)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
