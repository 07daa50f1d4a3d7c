package org.habitatj.core.settings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PyRadiomicsParamsTest {

  static final Path PARAMS = Path.of("..", "shared", "data", "pyradiomics", "params");
  static final Path WHOLE = Path.of("..", "shared", "reference", "whole_roi");

  static Stream<String> files() throws Exception {
    if (!Files.isDirectory(PARAMS)) {
      return Stream.of("none");
    }
    try (Stream<Path> a = Files.list(PARAMS); Stream<Path> b = Files.list(WHOLE)) {
      return Stream.concat(a, b).filter(p -> p.toString().endsWith(".yaml"))
          .filter(p -> !p.getFileName().toString().equals("paramSchema.yaml"))
          .map(Path::toString).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("files")
  void everySharedParameterFileParses(String file) throws Exception {
    assumeTrue(Files.isDirectory(PARAMS));
    PyRadiomicsParams.Parsed p = PyRadiomicsParams.read(Path.of(file));
    System.out.println(Path.of(file).getFileName() + ": " + p.warnings());
    for (String w : p.warnings()) {
      // every warning names a key in quotes
      assertTrue(w.matches(".*'[^']+'.*"), w);
    }
    if (file.contains("whole_roi")) {
      assertEquals(List.of(), p.warnings());
    }
  }

  @Test
  void exampleMr3mmAppliesSupportedKeysAndNamesTheRest() throws Exception {
    Path f = PARAMS.resolve("exampleMR_3mm.yaml");
    assumeTrue(Files.isRegularFile(f));
    PyRadiomicsParams.Parsed p = PyRadiomicsParams.read(f);
    RadiomicsSettings s = p.settings();
    assertTrue(s.normalize());
    assertEquals(100, s.normalizeScale());
    assertEquals(5, s.binWidth());
    assertEquals(300, s.voxelArrayShift());
    assertArrayEquals(new double[] {2, 2, 2}, s.resampledPixelSpacing());
    assertEquals(RadiomicsSettings.Interpolator.BSPLINE, s.interpolator());
    assertEquals(22, s.enabledFeatures().get("glcm").size());
    assertTrue(s.enabledFeatures().get("firstorder").isEmpty());
    assertTrue(p.warnings().contains("imageType 'LoG' is not supported (only Original); ignored"));
    assertTrue(p.warnings().contains("imageType 'Wavelet' is not supported (only Original); ignored"));
  }

  @Test
  void textSettingsAndErrors() {
    PyRadiomicsParams.Parsed p = PyRadiomicsParams.parse(
        "setting:\n  binWidth: 10\n  binCount: 32\n  resegmentRange: [-3, 3]\n  resegmentMode: sigma\n"
            + "  fancyKey: 1\n  symmetricalGLCM: false\n  distances: [1, 2]\n"
            + "voxelSetting:\n  kernelRadius: 2\n  maskedKernel: false\n");
    RadiomicsSettings s = p.settings();
    assertEquals(RadiomicsSettings.Discretization.FIXED_BIN_COUNT, s.discretization());
    assertEquals(32, s.binCount());
    assertArrayEquals(new double[] {-3, 3}, s.resegmentRange());
    assertEquals(RadiomicsSettings.ResegmentMode.SIGMA, s.resegmentMode());
    assertFalse(s.symmetricalGLCM());
    assertArrayEquals(new int[] {1, 2}, s.distances());
    assertEquals(2, s.kernelRadius());
    assertFalse(s.maskedKernel());
    assertEquals(List.of("setting 'fancyKey' is not supported; ignored"), p.warnings());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PyRadiomicsParams.parse("setting:\n  binWidth: wide\n"));
    assertTrue(e.getMessage().contains("binWidth"), e.getMessage());
  }
}
