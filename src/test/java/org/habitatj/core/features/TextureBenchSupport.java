package org.habitatj.core.features;

import java.io.IOException;
import java.nio.file.Path;

/** Gives the benchmark access to the test-only data readers. */
public final class TextureBenchSupport {
  public static final Path SHARED = TextureTestData.SHARED;

  private TextureBenchSupport() {}

  /** brain1, label 1, PyRadiomics binWidth 25 discretisation. */
  public static DiscretizedRoi brain1() throws IOException {
    return TextureTestData.pyradiomicsCase("brain1", TextureTestData.Prep.defaults());
  }
}
