package com.example.thumbnails;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Makes a square JPEG thumbnail ({@link #SIZE}×{@link #SIZE}, "cover": the short side scaled to the size and the
 * long side centre-cropped, as sharp's default) from the bytes of a JPEG, PNG, GIF (first frame), BMP or WebP.
 *
 * <p>Memory stays bounded: the dimensions are read from the header before any pixel is decoded and images over
 * {@link #MAX_PIXELS} are rejected; only the centred square is decoded, with source subsampling so its side stays
 * at least twice the thumbnail's. The EXIF orientation of a JPEG is applied, colours are converted to sRGB,
 * transparency is flattened on white, and the JPEG is written at quality {@link #QUALITY} with a JFIF header and
 * nothing else (no EXIF, no GPS, no ICC profile). Thread-safe (stateless).
 *
 * <pre>{@code
 * byte[] jpeg = new Thumbnailer().thumbnail(Files.readAllBytes(Path.of("photo.png")));
 * }</pre>
 */
public final class Thumbnailer {

    /** Width and height of a thumbnail, in pixels. */
    public static final int SIZE = 150;
    /** JPEG quality of a thumbnail (libjpeg's 85, sharp's {@code quality: 85}). */
    public static final float QUALITY = 0.85f;
    /** Largest accepted upload, in bytes (25 MB). */
    public static final long MAX_BYTES = 25L * 1024 * 1024;
    /** Largest accepted image, in pixels (40 megapixels). */
    public static final long MAX_PIXELS = 40_000_000L;

    static {
        ImageIO.setUseCache(false); // decode from memory: no temporary files under /tmp
    }

    /**
     * The thumbnail of an image.
     *
     * @param source the uploaded bytes; not null
     * @return the JPEG bytes
     * @throws ImageRejectedException when the bytes are not an image this function accepts, with the reason
     */
    public byte[] thumbnail(byte[] source) throws ImageRejectedException {
        checkSize(source.length);
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(source))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new ImageRejectedException(
                        RejectReason.NOT_AN_IMAGE, "no image format recognised (" + source.length + " bytes)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                BufferedImage square = decodeCentredSquare(reader);
                BufferedImage upright = ExifOrientation.of(source).apply(toOpaqueSrgb(square));
                return writeJpeg(scaleTo(upright, SIZE));
            } finally {
                reader.dispose();
            }
        } catch (EOFException e) {
            throw new ImageRejectedException(RejectReason.TRUNCATED, "image data ends early: " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            throw new ImageRejectedException(RejectReason.UNREADABLE, "cannot decode the image: " + e);
        }
    }

    /**
     * Rejects an object by its size alone, before it is downloaded.
     *
     * @throws ImageRejectedException {@link RejectReason#EMPTY_FILE} or {@link RejectReason#FILE_TOO_LARGE}
     */
    public static void checkSize(long bytes) throws ImageRejectedException {
        if (bytes == 0) {
            throw new ImageRejectedException(RejectReason.EMPTY_FILE, "the object is empty (0 bytes)");
        }
        if (bytes > MAX_BYTES) {
            throw new ImageRejectedException(RejectReason.FILE_TOO_LARGE, bytes + " bytes (limit " + MAX_BYTES + ")");
        }
    }

    private static BufferedImage decodeCentredSquare(ImageReader reader) throws IOException, ImageRejectedException {
        int width = reader.getWidth(0); // header only: no pixel is decoded yet
        int height = reader.getHeight(0);
        if ((long) width * height > MAX_PIXELS) {
            throw new ImageRejectedException(
                    RejectReason.TOO_MANY_PIXELS, width + "x" + height + " pixels (limit " + MAX_PIXELS + ")");
        }
        int side = Math.min(width, height);
        ImageReadParam param = reader.getDefaultReadParam();
        param.setSourceRegion(new Rectangle((width - side) / 2, (height - side) / 2, side, side));
        int step = Math.max(1, side / (2 * SIZE));
        param.setSourceSubsampling(step, step, 0, 0);
        List<String> warnings = new ArrayList<>();
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        BufferedImage image = reader.read(0, param);
        if (!warnings.isEmpty()) {
            String warning = String.join("; ", warnings);
            RejectReason reason = warning.toLowerCase(Locale.ROOT).contains("premature end")
                            || warning.toLowerCase(Locale.ROOT).contains("truncated")
                    ? RejectReason.TRUNCATED
                    : RejectReason.UNREADABLE;
            throw new ImageRejectedException(reason, "decoder warning: " + warning);
        }
        return image;
    }

    /** The image in sRGB without alpha, transparent pixels flattened on white. */
    static BufferedImage toOpaqueSrgb(BufferedImage image) {
        BufferedImage srgb = image;
        ColorSpace space = image.getColorModel().getColorSpace();
        if (!space.isCS_sRGB() && space.getType() != ColorSpace.TYPE_GRAY) {
            BufferedImage converted = new BufferedImage(
                    image.getWidth(),
                    image.getHeight(),
                    image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
            new ColorConvertOp(null).filter(image, converted);
            srgb = converted;
        }
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.drawImage(srgb, 0, 0, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** Scales a square down (halving with bilinear steps, a bicubic last step) or up to {@code size}. */
    static BufferedImage scaleTo(BufferedImage square, int size) {
        BufferedImage current = square;
        while (current.getWidth() / 2 >= size) {
            current = resize(current, current.getWidth() / 2, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        }
        return current.getWidth() == size && current.getHeight() == size
                ? current
                : resize(current, size, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    }

    private static BufferedImage resize(BufferedImage image, int side, Object interpolation) {
        BufferedImage out = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, 0, 0, side, side, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static byte[] writeJpeg(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(QUALITY);
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param); // default metadata: JFIF only
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
