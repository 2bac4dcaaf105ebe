package dev.bricks.maven;

/** What {@code bricks:archive} writes. */
public enum ArchiveKind {
    /** JDK 17+ dynamic class-data-sharing archive ({@code -XX:ArchiveClassesAtExit}): classes loaded and parsed. */
    CDS(17, "function.jsa", "a class-data archive (CDS)"),
    /** JDK 25+ AOT cache ({@code -XX:AOTCacheOutput}): classes loaded and linked, plus method profiles. */
    AOT(25, "function.aot", "an AOT cache");

    private final int minimumJdk;
    private final String fileName;
    private final String description;

    ArchiveKind(int minimumJdk, String fileName, String description) {
        this.minimumJdk = minimumJdk;
        this.fileName = fileName;
        this.description = description;
    }

    /** With its article, for messages: "an AOT cache". */
    String description() {
        return description;
    }

    /** The oldest JDK feature release that writes and reads this kind. */
    int minimumJdk() {
        return minimumJdk;
    }

    /** The default file name under {@code target/}. */
    String fileName() {
        return fileName;
    }
}
