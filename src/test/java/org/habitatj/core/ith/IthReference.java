package org.habitatj.core.ith;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads ../shared/reference/ithscore (ITHscore package outputs; see its README section 3). */
public final class IthReference {

  public static final Path DIR = Path.of("..", "shared", "reference", "ithscore");
  public static final String[] CASES = {"brain1", "breast1", "STS_002", "STS_008"};

  private IthReference() {}

  public static boolean available() {
    return Files.isDirectory(DIR);
  }

  /** A sub-grid label map: rows = y, cols = x; returned x-fastest with its width and height. */
  public record LabelMap(int[] labels, int width, int height) {}

  public static LabelMap labelMap(String c, int seed) throws IOException {
    List<String> lines = Files.readAllLines(DIR.resolve(c + "_labelmap_seed" + seed + ".csv"));
    lines.removeIf(String::isBlank);
    int h = lines.size();
    int w = lines.get(0).split(",").length;
    int[] l = new int[w * h];
    for (int y = 0; y < h; y++) {
      String[] t = lines.get(y).split(",");
      for (int x = 0; x < w; x++) {
        l[y * w + x] = Integer.parseInt(t[x].trim());
      }
    }
    return new LabelMap(l, w, h);
  }

  public static JsonObject json(String c) throws IOException {
    return JsonParser.parseString(Files.readString(DIR.resolve(c + "_ith.json"))).getAsJsonObject();
  }

  /** Reference ITH score of seed {@code s}. */
  public static double score(String c, int s) throws IOException {
    JsonArray runs = json(c).getAsJsonArray("runs");
    for (var r : runs) {
      if (r.getAsJsonObject().get("seed").getAsInt() == s) {
        return r.getAsJsonObject().get("ithscore").getAsDouble();
      }
    }
    throw new IllegalStateException("no seed " + s + " for " + c);
  }

  /**
   * Raw feature matrix: {@code [pixels][107]} in ITHscore block order, plus the sub-grid (row,col)
   * of each pixel.
   */
  public record Features(double[][] x, int[] subRow, int[] subCol, String[] names) {}

  public static Features features(String c) throws IOException {
    List<String> lines = Files.readAllLines(DIR.resolve(c + "_features_raw.csv"));
    String[] head = lines.get(0).split(",");
    int nf = head.length - 6;
    String[] names = new String[nf];
    System.arraycopy(head, 6, names, 0, nf);
    int n = 0;
    for (String s : lines.subList(1, lines.size())) {
      if (!s.isBlank()) {
        n++;
      }
    }
    double[][] x = new double[n][nf];
    int[] r = new int[n];
    int[] col = new int[n];
    int i = 0;
    for (String s : lines.subList(1, lines.size())) {
      if (s.isBlank()) {
        continue;
      }
      String[] t = s.split(",");
      r[i] = Integer.parseInt(t[4]);
      col[i] = Integer.parseInt(t[5]);
      for (int j = 0; j < nf; j++) {
        x[i][j] = Double.parseDouble(t[6 + j]);
      }
      i++;
    }
    return new Features(x, r, col, names);
  }
}
