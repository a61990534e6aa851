package se.planbot.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny SMTP server on a raw socket for what GreenMail cannot do: answer a RCPT with a chosen
 * reply (e.g. 550), and drop the connection after every message. Counts connections and messages.
 */
public final class FakeSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final String rcptReply;
    private final boolean dropAfterEachMessage;
    public final AtomicInteger connections = new AtomicInteger();
    public final AtomicInteger messages = new AtomicInteger();
    /** The envelope recipient of every message received, in order (a repeat shows up twice). */
    public final java.util.Queue<String> recipients = new java.util.concurrent.ConcurrentLinkedQueue<>();
    /** How long to wait before answering a message's final "." (to catch a sender mid-batch). */
    public volatile long dataReplyDelayMillis;

    public FakeSmtpServer(String rcptReply, boolean dropAfterEachMessage) throws IOException {
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.rcptReply = rcptReply;
        this.dropAfterEachMessage = dropAfterEachMessage;
        Thread acceptor = new Thread(this::accept, "fake-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                connections.incrementAndGet();
                Thread session = new Thread(() -> serve(client), "fake-smtp-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client;
                var in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
                OutputStream out = client.getOutputStream()) {
            reply(out, "220 fake.example ESMTP");
            String recipient = "";
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line;
                switch (command) {
                    case "EHLO", "HELO" -> reply(out, "250 fake.example");
                    case "MAIL" -> reply(out, "250 2.1.0 OK");
                    case "RCPT" -> {
                        recipient = line.replaceAll("(?i)^RCPT TO:\\s*<?([^>]*)>?.*$", "$1");
                        reply(out, rcptReply);
                    }
                    case "DATA" -> {
                        reply(out, "354 go ahead");
                        while ((line = in.readLine()) != null && !line.equals(".")) {
                            // the message body: read and forget
                        }
                        messages.incrementAndGet();
                        recipients.add(recipient);
                        if (dataReplyDelayMillis > 0) {
                            try {
                                Thread.sleep(dataReplyDelayMillis);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                        reply(out, "250 2.0.0 queued");
                        if (dropAfterEachMessage) {
                            return;
                        }
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "250 OK");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
