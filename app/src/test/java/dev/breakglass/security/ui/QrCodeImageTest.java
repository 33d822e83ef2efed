package dev.breakglass.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The QR code drawn on the server reads back as what an authenticator app must get. */
class QrCodeImageTest {

    private static final Pattern SIZE = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");
    private static final Pattern MODULE = Pattern.compile("M(\\d+),(\\d+)h1v1h-1z");
    private static final int SCALE = 4;

    @Test
    void svg_readsBackAsTheOtpauthUri() throws Exception {
        String uri = "otpauth://totp/Breakglass%3Abob%40acme.test?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
                + "&issuer=Breakglass&algorithm=SHA1&digits=6&period=30";

        String svg = QrCodeImage.svg(uri);

        assertThat(read(svg)).isEqualTo(uri);
    }

    /** Paints the SVG's modules into pixels and lets ZXing's reader scan them, as a phone's camera would. */
    private static String read(String svg) throws Exception {
        Matcher size = SIZE.matcher(svg);
        assertThat(size.find()).isTrue();
        int width = Integer.parseInt(size.group(1)) * SCALE;
        int height = Integer.parseInt(size.group(2)) * SCALE;
        int[] pixels = new int[width * height];
        Arrays.fill(pixels, 0xFFFFFF);
        Matcher module = MODULE.matcher(svg);
        while (module.find()) {
            int x = Integer.parseInt(module.group(1)) * SCALE;
            int y = Integer.parseInt(module.group(2)) * SCALE;
            for (int dy = 0; dy < SCALE; dy++) {
                for (int dx = 0; dx < SCALE; dx++) {
                    pixels[(y + dy) * width + x + dx] = 0x000000;
                }
            }
        }
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, height, pixels)));
        return new QRCodeReader().decode(bitmap).getText();
    }
}
