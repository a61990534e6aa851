package se.planbot.followup;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The report as PDF: the print page's XHTML through openhtmltopdf (PDFBox), with DejaVu Sans
 * embedded (it carries å ä ö and the judgement symbols; licence in resources/fonts), tagged for
 * accessibility (PDF/UA: structure tree, language, title, reading order) as far as the library goes.
 * Nothing is fetched from the network: the page's images and styles must be inline.
 */
public final class ReportPdf {

    static final String FONT_FAMILY = "DejaVu Sans";

    /** Renders well-formed XHTML (with {@code <title>} and {@code lang}) to PDF bytes. */
    public byte[] render(String xhtml) {
        PdfLog.install();
        var out = new ByteArrayOutputStream();
        try {
            var builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePdfUaAccessibility(true);
            builder.useFont(() -> font("DejaVuSans.ttf"), FONT_FAMILY, 400, FontStyle.NORMAL, true);
            builder.useFont(() -> font("DejaVuSans-Bold.ttf"), FONT_FAMILY, 700, FontStyle.NORMAL, true);
            builder.useExternalResourceAccessControl((uri, type) -> false,
                    com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
            builder.withProducer("Planbot");
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("the report could not be rendered as PDF", e);
        }
        return out.toByteArray();
    }

    private static InputStream font(String file) {
        InputStream stream = ReportPdf.class.getResourceAsStream("/fonts/" + file);
        if (stream == null) {
            throw new IllegalStateException("font " + file + " is missing from the jar");
        }
        return stream;
    }
}
