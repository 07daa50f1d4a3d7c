package org.habitatj; public final class Version { public static final String VERSION = "0.1.0-SNAPSHOT"; private Version(){} }
