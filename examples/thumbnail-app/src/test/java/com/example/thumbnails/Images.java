package com.example.thumbnails;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageOutputStream;

/** Test images, generated with java.awt / ImageIO or assembled byte by byte. */
final class Images {

    static final Color RED = new Color(220, 30, 30);
    static final Color BLUE = new Color(30, 30, 220);
    static final Color GREEN = new Color(30, 200, 30);

    /**
     * A 320×200 lossless WebP, left half {@link #RED}, right half {@link #BLUE} (54 bytes), written by libwebp's
     * {@code cwebp 1.2.4 -lossless} from a PPM of those two halves (Debian package {@code webp}).
     */
    static final byte[] WEBP_HALVES =
            Base64.getDecoder().decode("UklGRi4AAABXRUJQVlA4TCEAAAAvP8ExAA8wHvfwvRD3/EcLhASE/6dVD0T0fwJMSfffGAMA");

    /** The same two halves as a lossy (VP8) WebP (272 bytes): {@code cwebp 1.2.4 -q 80} from the same PPM. */
    static final byte[] WEBP_HALVES_LOSSY = Base64.getDecoder()
            .decode(
                    "UklGRggBAABXRUJQVlA4IPwAAACwEwCdASpAAcgAPm02mUmkIyKhIdJIAIANiWlu4XaxEJwHyAAAIcBcMc4IgZjpBf+FVjQbwnCgLhjp"
                            + "BfiqrBQMKAuGOkF+KmXOsYoC4Y6QX4nQoGFAXDHSC/FTLnWMUBcMdIL8ToUDCgLhjpBfiplzrGKAuGOkF+J0KBhQFwx0gvxUy51j"
                            + "FAXDHSC/E6FAwoC4Y6QX4qZc6xigLhjpBfidCgYUBcGgAP7/YvD//2LOWwJQf//c4HzLfMt/IiASmT/1ZV//+5wPr6+6P+xX/qff"
                            + "wBpdhBQEcJx+EIo3iqWAA0r+KpYADSv4qlgANK/iqWAA0r+KpYADSv4oAAA=");

    private Images() {}

    /** An opaque image painted by {@code painter}. */
    static BufferedImage image(int width, int height, int type, Consumer<Graphics2D> painter) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        try {
            painter.accept(g);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** One colour everywhere. */
    static BufferedImage solid(int width, int height, int type, Color colour) {
        return image(width, height, type, g -> {
            g.setColor(colour);
            g.fillRect(0, 0, width, height);
        });
    }

    /** Left third and right third green, the middle red: a cover crop of a 2:1 image keeps only red. */
    static BufferedImage greenRedGreen(int width, int height) {
        return image(width, height, BufferedImage.TYPE_INT_RGB, g -> {
            g.setColor(GREEN);
            g.fillRect(0, 0, width, height);
            g.setColor(RED);
            g.fillRect(width / 4, 0, width / 2, height);
        });
    }

    /** Top half red, bottom half blue. */
    static BufferedImage redOverBlue(int width, int height) {
        return image(width, height, BufferedImage.TYPE_INT_RGB, g -> {
            g.setColor(BLUE);
            g.fillRect(0, 0, width, height);
            g.setColor(RED);
            g.fillRect(0, 0, width, height / 2);
        });
    }

    static byte[] jpeg(BufferedImage image) {
        return jpeg(image, 0.95f);
    }

    /** A JPEG written by the JDK's own writer at this quality (JFIF, no other metadata). */
    static byte[] jpeg(BufferedImage image, float quality) {
        ImageWriter writer = jdkJpegWriter();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** The JPEG writer of the JDK itself (TwelveMonkeys registers its own in front of it). */
    static ImageWriter jdkJpegWriter() {
        var writers = ImageIO.getImageWritersByFormatName("jpeg");
        while (writers.hasNext()) {
            ImageWriter writer = writers.next();
            if (writer.getClass().getName().startsWith("com.sun.imageio.")) {
                return writer;
            }
        }
        throw new IllegalStateException("no JDK JPEG writer");
    }

    static byte[] write(BufferedImage image, String format) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, bytes)) {
                throw new IllegalStateException("no writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** An animated GIF: one frame per image. */
    static byte[] gif(BufferedImage... frames) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (BufferedImage frame : frames) {
                IIOMetadata metadata =
                        writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(frame), null);
                writer.writeToSequence(new IIOImage(frame, null, metadata), null);
            }
            writer.endWriteSequence();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** The JPEG with an APP1 Exif segment (big-endian TIFF, IFD0 with only the orientation tag) after its APP0. */
    static byte[] withExifOrientation(byte[] jpeg, int orientation) {
        ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 12 + 4);
        tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8); // header, IFD0 at 8
        tiff.putShort((short) 1); // one entry
        tiff.putShort((short) 0x0112)
                .putShort((short) 3)
                .putInt(1)
                .putShort((short) orientation)
                .putShort((short) 0);
        tiff.putInt(0); // no next IFD
        byte[] payload = concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), tiff.array());
        return insertAfterApp0(jpeg, segment(0xE1, payload));
    }

    /** The JPEG with an APP2 ICC_PROFILE segment holding {@code profile}. */
    static byte[] withIccProfile(byte[] jpeg, ICC_Profile profile) {
        byte[] payload =
                concat("ICC_PROFILE\0".getBytes(StandardCharsets.ISO_8859_1), new byte[] {1, 1}, profile.getData());
        return insertAfterApp0(jpeg, segment(0xE2, payload));
    }

    /** A JPEG whose pixels hold linear-light values, tagged with the JDK's linear RGB profile. */
    static byte[] linearRgbJpeg(int width, int height, int linearValue) {
        Color grey = new Color(linearValue, linearValue, linearValue);
        BufferedImage image = solid(width, height, BufferedImage.TYPE_INT_RGB, grey);
        return withIccProfile(jpeg(image), ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB));
    }

    /**
     * A PNG header claiming {@code width}×{@code height} RGB pixels, followed by one small IDAT (1 MB of zeros,
     * deflated) and IEND: a decompression bomb of a few KB when the claimed size is huge.
     */
    static byte[] pngBomb(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(13)
                .putInt(width)
                .putInt(height)
                .put((byte) 8)
                .put((byte) 2)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0);
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(new byte[1 << 20]);
        deflater.finish();
        byte[] buffer = new byte[64 * 1024];
        int n = deflater.deflate(buffer);
        deflater.end();
        byte[] idat = Arrays.copyOf(buffer, n);
        return concat(
                new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'},
                chunk("IHDR", ihdr.array()),
                chunk("IDAT", idat),
                chunk("IEND", new byte[0]));
    }

    /** The first {@code fraction} of the bytes. */
    static byte[] truncated(byte[] bytes, double fraction) {
        return Arrays.copyOf(bytes, (int) (bytes.length * fraction));
    }

    /** The marker segments before the first scan (SOS), as {@code [marker, payload…]} pairs. */
    static List<byte[]> segmentsBeforeScan(byte[] jpeg) {
        List<byte[]> out = new ArrayList<>();
        int pos = 2;
        while (pos + 4 <= jpeg.length && (jpeg[pos + 1] & 0xFF) != 0xDA) {
            int marker = jpeg[pos + 1] & 0xFF;
            int length = (jpeg[pos + 2] & 0xFF) << 8 | (jpeg[pos + 3] & 0xFF);
            byte[] segment = new byte[length - 1];
            segment[0] = (byte) marker;
            System.arraycopy(jpeg, pos + 4, segment, 1, length - 2);
            out.add(segment);
            pos += 2 + length;
        }
        return out;
    }

    /** The payloads of the DQT segments (quantisation tables), concatenated. */
    static byte[] quantisationTables(byte[] jpeg) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] segment : segmentsBeforeScan(jpeg)) {
            if ((segment[0] & 0xFF) == 0xDB) {
                out.write(segment, 1, segment.length - 1);
            }
        }
        return out.toByteArray();
    }

    private static byte[] insertAfterApp0(byte[] jpeg, byte[] segment) {
        int at = 2;
        if ((jpeg[2] & 0xFF) == 0xFF && (jpeg[3] & 0xFF) == 0xE0) {
            at = 4 + ((jpeg[4] & 0xFF) << 8 | (jpeg[5] & 0xFF));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length + segment.length);
        out.write(jpeg, 0, at);
        out.writeBytes(segment);
        out.write(jpeg, at, jpeg.length - at);
        return out.toByteArray();
    }

    private static byte[] segment(int marker, byte[] payload) {
        int length = payload.length + 2;
        return concat(new byte[] {(byte) 0xFF, (byte) marker, (byte) (length >> 8), (byte) length}, payload);
    }

    private static byte[] chunk(String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        return concat(
                ByteBuffer.allocate(4).putInt(data.length).array(),
                typeBytes,
                data,
                ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
