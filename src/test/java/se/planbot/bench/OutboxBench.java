package se.planbot.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import se.planbot.Planbot;
import se.planbot.config.Config;
import se.planbot.db.Jdbc;
import se.planbot.mail.FakeSmtpServer;
import se.planbot.mail.MailComposer;
import se.planbot.mail.MailSettings;
import se.planbot.mail.MailTemplates;
import se.planbot.mail.SmtpMailSender;
import se.planbot.outbox.Channel;
import se.planbot.outbox.Delivery;
import se.planbot.outbox.Dispatcher;
import se.planbot.outbox.OutgoingMessage;

/**
 * Benchmark (run by bench/outbox-bench.sh, not a test): N messages through the dispatcher to a
 * local SMTP sink, with one connection per batch and with one per message; then the reminder
 * sweep over M actions. Arguments: messages, actions, sink (fake | greenmail).
 */
public final class OutboxBench {

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int actions = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        String sink = args.length > 2 ? args[2] : "fake";
        Path folder = Files.createTempDirectory("planbot-bench");
        System.out.printf("Planbot outbox benchmark: %,d messages, sink %s, %d cores, Java %s%n", messages, sink,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        for (boolean reuse : new boolean[] {true, false, true, false}) {
            dispatch(folder.resolve((reuse ? "reuse-" : "single-") + System.nanoTime()), messages, sink, reuse);
        }
        sweep(folder.resolve("sweep"), actions);
    }

    private static void dispatch(Path folder, int count, String sink, boolean reuse) throws Exception {
        GreenMail greenMail = null;
        FakeSmtpServer fake = null;
        int port;
        if (sink.equals("greenmail")) {
            greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            greenMail.start();
            port = greenMail.getSmtp().getPort();
        } else {
            fake = new FakeSmtpServer("250 2.1.5 OK", false);
            port = fake.port();
        }
        Config config = config(folder, Map.of("mail.transport", "smtp", "smtp.host", "127.0.0.1",
                "smtp.port", String.valueOf(port)));
        Clock clock = Clock.systemUTC();
        try (Planbot planbot = new Planbot(config, clock)) {
            long queueStart = System.nanoTime();
            planbot.database().write(connection -> {
                for (int i = 0; i < count; i++) {
                    planbot.outbox().enqueue(connection, new OutgoingMessage("bench:" + i, Channel.EMAIL,
                            "person" + i + "@example.se", "Åsa Öberg " + i, "reminder", model(i),
                            Locale.forLanguageTag("sv")));
                }
                return null;
            });
            double queueSeconds = (System.nanoTime() - queueStart) / 1e9;
            var settings = MailSettings.from(config);
            var composer = new MailComposer(new MailTemplates(Path.of("templates")), settings, clock);
            var dispatcher = new Dispatcher(planbot.database(), List.of(new SmtpMailSender(settings, composer, reuse)),
                    clock, Duration.ofHours(72));
            long start = System.nanoTime();
            List<Delivery> deliveries = dispatcher.dispatchDue();
            double seconds = (System.nanoTime() - start) / 1e9;
            long sent = deliveries.stream().filter(d -> d.outcome() == Delivery.Outcome.SENT).count();
            int connections = fake != null ? fake.connections.get() : -1;
            System.out.printf("  %-28s queued %,d in %.2f s; sent %,d in %.2f s = %,.0f msg/s%s%n",
                    reuse ? "one connection per batch:" : "one connection per message:", count, queueSeconds, sent,
                    seconds, sent / seconds, connections >= 0 ? " (" + connections + " SMTP connections)" : "");
        } finally {
            if (greenMail != null) {
                greenMail.stop();
            }
            if (fake != null) {
                fake.close();
            }
        }
    }

    private static void sweep(Path folder, int count) throws Exception {
        Clock clock = Clock.fixed(ZonedDateTime.of(2026, 12, 1, 8, 0, 0, 0, ZoneId.of("Europe/Stockholm")).toInstant(),
                ZoneId.of("UTC"));
        try (Planbot planbot = new Planbot(config(folder, Map.of()), clock)) {
            int people = Math.max(1, count / 20);
            long insertStart = System.nanoTime();
            planbot.database().write(connection -> {
                Jdbc.update(connection, "insert into strategies (id, title) values (1, 'Strategi')");
                for (int p = 1; p <= people; p++) {
                    Jdbc.update(connection, "insert into people (id, name, email, role, created_at) values (?, ?, ?, 'owner', ?)",
                            p, "Person " + p, "person" + p + "@example.se", clock.instant());
                }
                LocalDate today = LocalDate.of(2026, 12, 1);
                for (int a = 1; a <= count; a++) {
                    // Deadlines spread from 200 days ago to 200 days ahead; a tenth done.
                    LocalDate deadline = today.plusDays((a * 7L) % 400 - 200);
                    Jdbc.update(connection, """
                            insert into actions (code, title, strategy_id, owner_id, deadline, status, progress,
                                                 created_at, updated_at)
                            values (?, ?, 1, ?, ?, ?, 10, ?, ?)
                            """, "B" + a, "Åtgärd nummer " + a, 1 + a % people, deadline,
                            a % 10 == 0 ? "done" : "in_progress", clock.instant(), clock.instant());
                }
                return null;
            });
            System.out.printf("Sweep over %,d actions (%,d owners; inserted in %.1f s):%n", count, people,
                    (System.nanoTime() - insertStart) / 1e9);
            var now = ZonedDateTime.now(clock.withZone(ZoneId.of("Europe/Stockholm")));
            for (int run = 1; run <= 3; run++) {
                long start = System.nanoTime();
                var result = planbot.sweep().run(now);
                System.out.printf("  run %d: %.2f s, queued %,d messages%n", run, (System.nanoTime() - start) / 1e9,
                        result.queued().size());
            }
        }
    }

    private static Map<String, Object> model(int i) {
        var item = Map.<String, Object>of("actionId", i, "code", "2." + i, "title", "Ökad samverkan med näringslivet",
                "deadline", "2026-12-08", "daysLeft", 7, "overdue", false, "daysOverdue", 0, "status", "in_progress",
                "progress", 30, "url", "https://planbot.alingsas.se/plan/actions/" + i);
        return Map.of("personName", "Åsa Öberg", "date", "2026-12-01", "items", List.of(item));
    }

    private static Config config(Path folder, Map<String, String> overrides) {
        var values = new java.util.HashMap<String, String>(overrides);
        values.put("db.path", folder.resolve("planbot.db").toString());
        values.put("mail.file-dir", folder.resolve("mail").toString());
        values.put("templates.dir", Path.of("templates").toAbsolutePath().toString());
        values.put("public.base-url", "https://planbot.alingsas.se");
        return Config.of(values);
    }
}
