package se.planbot.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Properties;
import se.planbot.outbox.Channel;
import se.planbot.outbox.QueuedMessage;
import se.planbot.outbox.SendFailure;
import se.planbot.outbox.Sender;

/**
 * {@code mail.transport=file}: each message becomes a standard .eml file under
 * {@code mail.file-dir} (open it in any mail client), named
 * {@code 20261201-070000-outbox-12-reminder.eml}. The name depends only on the outbox row, so a
 * message sent again after a crash replaces its own file instead of adding a second one.
 */
public final class FileMailSender implements Sender {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Path directory;
    private final MailComposer composer;
    private final Session session = Session.getInstance(new Properties());

    public FileMailSender(Path directory, MailComposer composer) {
        this.directory = directory;
        this.composer = composer;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public void send(QueuedMessage queued) throws SendFailure {
        MimeMessage message = composer.build(session, queued);
        Path target = directory.resolve(fileName(queued));
        try {
            Files.createDirectories(directory);
            Path partial = Files.createTempFile(directory, ".outbox-" + queued.id() + "-", ".part");
            // Buffered: MimeMessage writes its encoders' output a byte at a time, which unbuffered was one
            // system call per byte (a 90 KB reminder took seconds under load).
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial), 64 * 1024)) {
                message.writeTo(out);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | MessagingException e) {
            throw SendFailure.temporary("kan inte skriva " + target + ": " + e.getMessage(), e);
        }
    }

    static String fileName(QueuedMessage queued) {
        return STAMP.format(queued.createdAt()) + "-outbox-" + queued.id() + "-" + queued.template() + ".eml";
    }
}
