package dev.breakglass.security.ui;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.vaadin.flow.component.html.Image;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * A QR code drawn on the server as SVG and sent inline as the image itself, so what it holds (an authenticator
 * app's secret) travels in no address and no file a browser keeps.
 */
final class QrCodeImage {

    private static final int QUIET_ZONE = 2;

    private QrCodeImage() {}

    static Image of(String content, String description) {
        Image image = new Image(
                "data:image/svg+xml;base64,"
                        + Base64.getEncoder().encodeToString(svg(content).getBytes(StandardCharsets.UTF_8)),
                description);
        image.setWidth("12rem");
        image.setHeight("12rem");
        return image;
    }

    static String svg(String content) {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter()
                    .encode(
                            content,
                            BarcodeFormat.QR_CODE,
                            0,
                            0,
                            Map.of(
                                    EncodeHintType.MARGIN,
                                    QUIET_ZONE,
                                    EncodeHintType.ERROR_CORRECTION,
                                    ErrorCorrectionLevel.M));
        } catch (WriterException e) {
            throw new IllegalStateException("A QR code holds an authenticator secret easily", e);
        }
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (matrix.get(x, y)) {
                    path.append('M').append(x).append(',').append(y).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + matrix.getWidth() + " "
                + matrix.getHeight() + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" "
                + "fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }
}
