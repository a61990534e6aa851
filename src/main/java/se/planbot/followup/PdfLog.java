package se.planbot.followup;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import java.util.logging.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * openhtmltopdf logs through java.util.logging at INFO for every document; its messages go to
 * SLF4J instead, warnings and errors only, so rendering a report does not fill stderr.
 */
final class PdfLog implements XRLogger {

    private static final Logger log = LoggerFactory.getLogger("se.planbot.followup.pdf");
    private static volatile boolean installed;

    static void install() {
        if (!installed) {
            synchronized (PdfLog.class) {
                if (!installed) {
                    XRLog.setLoggerImpl(new PdfLog());
                    installed = true;
                }
            }
        }
    }

    @Override
    public void log(String where, Level level, String message) {
        log(where, level, message, null);
    }

    @Override
    public void log(String where, Level level, String message, Throwable error) {
        if (level.intValue() >= Level.SEVERE.intValue()) {
            log.error("{}: {}", where, message, error);
        } else if (level.intValue() >= Level.WARNING.intValue()) {
            log.warn("{}: {}", where, message, error);
        }
    }

    @Override
    public void setLevel(String logger, Level level) {
        // levels are SLF4J's (logger se.planbot.followup.pdf)
    }

    @Override
    public boolean isLogLevelEnabled(Diagnostic diagnostic) {
        return diagnostic.getLevel().intValue() >= Level.WARNING.intValue();
    }
}
