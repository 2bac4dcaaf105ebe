package com.example.thumbnails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;

class ThumbnailerTest {

    private final Thumbnailer thumbnailer = new Thumbnailer();

    @Test
    void thumbnail_landscapeJpeg_is150SquareJpegCroppedToTheCentre() throws Exception {
        byte[] out = thumbnailer.thumbnail(Images.jpeg(Images.greenRedGreen(600, 300)));

        BufferedImage thumb = decode(out);
        assertThat(formatOf(out)).isEqualTo("JPEG");
        assertThat(thumb.getWidth()).isEqualTo(150);
        assertThat(thumb.getHeight()).isEqualTo(150);
        for (int x : new int[] {2, 75, 147}) {
            assertColour(thumb, x, 75, Images.RED); // cover: the green sides are cropped away
        }
    }

    @Test
    void thumbnail_largeJpeg_isDecodedWithSubsamplingAndCropped() throws Exception {
        byte[] out = thumbnailer.thumbnail(Images.jpeg(Images.greenRedGreen(4000, 2000)));

        BufferedImage thumb = decode(out);
        assertThat(thumb.getWidth()).isEqualTo(150);
        assertColour(thumb, 3, 3, Images.RED);
        assertColour(thumb, 146, 146, Images.RED);
    }

    @Test
    void thumbnail_portraitSmallerThanThumbnail_isScaledUp() throws Exception {
        BufferedImage thumb = decode(thumbnailer.thumbnail(Images.jpeg(Images.redOverBlue(40, 80))));

        assertThat(thumb.getWidth()).isEqualTo(150);
        assertThat(thumb.getHeight()).isEqualTo(150);
        assertColour(thumb, 75, 10, Images.RED); // centre square of 40x80 = rows 20..60: red above, blue below
        assertColour(thumb, 75, 140, Images.BLUE);
    }

    @Test
    void thumbnail_output_usesTheQuantisationTablesOfTheJdkWriterAtQuality85() throws Exception {
        byte[] out = thumbnailer.thumbnail(Images.jpeg(Images.greenRedGreen(600, 300)));
        BufferedImage any = Images.redOverBlue(16, 16);

        assertThat(Images.quantisationTables(out))
                .isNotEmpty()
                .isEqualTo(Images.quantisationTables(Images.jpeg(any, 0.85f)))
                .isNotEqualTo(Images.quantisationTables(Images.jpeg(any, 0.75f)))
                .isNotEqualTo(Images.quantisationTables(Images.jpeg(any, 0.95f)));
    }

    @Test
    void thumbnail_exifOrientation6_isTurnedUprightBeforeCropping() throws Exception {
        // stored 400x200, top red and bottom blue; orientation 6 = turn 90° clockwise to show it: left blue, right red
        byte[] source = Images.withExifOrientation(Images.jpeg(Images.redOverBlue(400, 200)), 6);

        BufferedImage thumb = decode(thumbnailer.thumbnail(source));

        assertColour(thumb, 10, 75, Images.BLUE);
        assertColour(thumb, 140, 75, Images.RED);
        assertColour(decode(thumbnailer.thumbnail(Images.jpeg(Images.redOverBlue(400, 200)))), 75, 10, Images.RED);
    }

    @Test
    void thumbnail_exifSourceWithProfile_writesJfifOnlyInSrgb() throws Exception {
        byte[] source = Images.withExifOrientation(Images.linearRgbJpeg(300, 300, 51), 1);

        byte[] out = thumbnailer.thumbnail(source);

        assertThat(Images.segmentsBeforeScan(out))
                .extracting(s -> s[0] & 0xFF)
                .doesNotContain(0xE1, 0xE2) // no EXIF/XMP (APP1), no ICC profile (APP2)
                .filteredOn(m -> m >= 0xE0 && m <= 0xEF)
                .containsExactly(0xE0);
        byte[] app0 = Images.segmentsBeforeScan(out).get(0);
        assertThat(new String(app0, 1, 4, StandardCharsets.US_ASCII)).isEqualTo("JFIF");
        BufferedImage thumb = decode(out);
        assertThat(thumb.getColorModel().getColorSpace().isCS_sRGB()).isTrue();
        // linear-light 51/255 = 0.2 is sRGB 124: the embedded profile was applied, not ignored
        assertThat(new Color(thumb.getRGB(75, 75)).getGreen()).isCloseTo(124, within(6));
    }

    @Test
    void thumbnail_pngWithAlpha_isFlattenedOnWhite() throws Exception {
        BufferedImage transparent = Images.image(300, 300, BufferedImage.TYPE_INT_ARGB, g -> {
            g.setColor(Color.BLACK);
            g.fillRect(100, 100, 100, 100); // opaque black centre, the rest fully transparent
        });

        BufferedImage thumb = decode(thumbnailer.thumbnail(Images.write(transparent, "png")));

        assertColour(thumb, 3, 3, Color.WHITE);
        assertColour(thumb, 75, 75, Color.BLACK);
    }

    @Test
    void thumbnail_animatedGif_usesTheFirstFrame() throws Exception {
        BufferedImage red = Images.solid(200, 200, BufferedImage.TYPE_INT_RGB, Color.RED);
        BufferedImage blue = Images.solid(200, 200, BufferedImage.TYPE_INT_RGB, Color.BLUE);

        BufferedImage thumb = decode(thumbnailer.thumbnail(Images.gif(red, blue)));

        assertColour(thumb, 75, 75, Color.RED);
    }

    @Test
    void thumbnail_bmp_isConverted() throws Exception {
        BufferedImage source = Images.solid(300, 200, BufferedImage.TYPE_3BYTE_BGR, Images.GREEN);

        BufferedImage thumb = decode(thumbnailer.thumbnail(Images.write(source, "bmp")));

        assertThat(thumb.getWidth()).isEqualTo(150);
        assertColour(thumb, 75, 75, Images.GREEN);
    }

    @Test
    void thumbnail_losslessWebp_isReadWithTheTwelveMonkeysReader() throws Exception {
        BufferedImage thumb = decode(thumbnailer.thumbnail(Images.WEBP_HALVES));

        assertThat(thumb.getWidth()).isEqualTo(150);
        assertColour(thumb, 10, 75, Images.RED); // centre 200x200 of 320x200: x 60..260, red up to 160
        assertColour(thumb, 140, 75, Images.BLUE);
    }

    @Test
    void thumbnail_lossyWebp_isReadWithTheTwelveMonkeysReader() throws Exception {
        BufferedImage thumb = decode(thumbnailer.thumbnail(Images.WEBP_HALVES_LOSSY));

        assertThat(thumb.getWidth()).isEqualTo(150);
        assertColour(thumb, 10, 75, Images.RED);
        assertColour(thumb, 140, 75, Images.BLUE);
    }

    @Test
    void thumbnail_text_isRejectedAsNotAnImage() {
        assertRejected(
                "hello, not an image".getBytes(StandardCharsets.UTF_8),
                RejectReason.NOT_AN_IMAGE,
                "no image format recognised");
    }

    @Test
    void thumbnail_emptyBytes_isRejectedAsEmpty() {
        assertRejected(new byte[0], RejectReason.EMPTY_FILE, "0 bytes");
    }

    @Test
    void thumbnail_truncatedJpeg_isRejectedAsTruncated() {
        byte[] jpeg = Images.jpeg(Images.greenRedGreen(600, 300));

        assertRejected(Images.truncated(jpeg, 0.6), RejectReason.TRUNCATED, "");
    }

    @Test
    void thumbnail_pngBomb50000Square_isRejectedFromItsHeader() {
        byte[] bomb = Images.pngBomb(50_000, 50_000);

        assertThat(bomb.length).isLessThan(8 * 1024);
        assertRejected(bomb, RejectReason.TOO_MANY_PIXELS, "50000x50000 pixels (limit 40000000)");
    }

    @Test
    void thumbnail_over40Megapixels_isRejected() {
        assertRejected(Images.pngBomb(8000, 5001), RejectReason.TOO_MANY_PIXELS, "8000x5001");
    }

    @Test
    void checkSize_over25Megabytes_isRejectedBeforeDownload() {
        assertThatThrownBy(() -> Thumbnailer.checkSize(Thumbnailer.MAX_BYTES + 1))
                .isInstanceOfSatisfying(
                        ImageRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectReason.FILE_TOO_LARGE))
                .hasMessage("26214401 bytes (limit 26214400)");
    }

    @Test
    void thumbnail_over25MegabytesOfBytes_isRejectedWithoutDecoding() {
        byte[] big = new byte[(int) Thumbnailer.MAX_BYTES + 1];
        big[0] = (byte) 0xFF;
        big[1] = (byte) 0xD8;

        assertRejected(big, RejectReason.FILE_TOO_LARGE, "26214401 bytes");
    }

    private void assertRejected(byte[] source, RejectReason reason, String messagePart) {
        assertThatThrownBy(() -> thumbnailer.thumbnail(source))
                .isInstanceOfSatisfying(
                        ImageRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(reason))
                .hasMessageContaining(messagePart);
    }

    static void assertColour(BufferedImage image, int x, int y, Color expected) {
        Color actual = new Color(image.getRGB(x, y));
        assertThat(new int[] {actual.getRed(), actual.getGreen(), actual.getBlue()})
                .as("colour at (%d,%d)", x, y)
                .satisfies(c -> {
                    assertThat(c[0]).isCloseTo(expected.getRed(), within(24));
                    assertThat(c[1]).isCloseTo(expected.getGreen(), within(24));
                    assertThat(c[2]).isCloseTo(expected.getBlue(), within(24));
                });
    }

    static BufferedImage decode(byte[] jpeg) {
        try {
            return ImageIO.read(new ByteArrayInputStream(jpeg));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String formatOf(byte[] bytes) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            return reader.getFormatName().toUpperCase(Locale.ROOT);
        }
    }
}
