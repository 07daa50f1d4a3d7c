package org.habitatj.commands;

import ij.measure.ResultsTable;
import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.habitatj.core.stats.Icc;
import org.habitatj.core.stats.IccTable;
import org.habitatj.ij.ReportTables;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Intraclass correlation (all six Shrout–Fleiss forms with 95% CIs) of a CSV whose rows are
 * targets (patients, features) and whose chosen columns are raters or repeated measurements.
 */
@Plugin(type = Command.class, headless = true, label = "Intraclass Correlation")
public class IccCommand implements Command {
  @Parameter(label = "CSV file", persist = false, description = "rows = targets, columns = raters")
  private File csvFile;

  @Parameter(label = "Rater columns", persist = false,
      description = "comma-separated numeric columns, one per rater or session (at least 2)")
  private String raterColumns = "";

  @Parameter(type = ItemIO.OUTPUT, label = "ICC")
  private ResultsTable results;

  @Parameter(type = ItemIO.OUTPUT, label = "ICC(2,1)")
  private Double icc21;

  @Override
  public void run() {
    if (csvFile == null || !csvFile.isFile()) {
      throw new IllegalArgumentException("CSV file not found: " + csvFile);
    }
    List<String> cols = TrainModelCommand.list(raterColumns);
    if (cols.size() < 2) {
      throw new IllegalArgumentException("give at least 2 rater columns (comma-separated)");
    }
    double[][] x;
    try (Reader r = Files.newBufferedReader(csvFile.toPath(), StandardCharsets.UTF_8);
        CSVParser p = CSVParser.parse(r, CSVFormat.DEFAULT.builder().setHeader()
            .setSkipHeaderRecord(true).setTrim(true).get())) {
      for (String c : cols) {
        if (!p.getHeaderNames().contains(c)) {
          throw new IllegalArgumentException(csvFile.getName() + ": no column '" + c + "'; columns: "
              + p.getHeaderNames());
        }
      }
      List<CSVRecord> recs = p.getRecords();
      x = new double[recs.size()][cols.size()];
      for (int i = 0; i < recs.size(); i++) {
        for (int j = 0; j < cols.size(); j++) {
          String v = recs.get(i).get(cols.get(j));
          try {
            x[i][j] = Double.parseDouble(v);
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException(csvFile.getName() + ": data row " + (i + 1)
                + ", column '" + cols.get(j) + "': '" + v + "' is not a number");
          }
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + csvFile + ": " + e.getMessage(), e);
    }
    Icc.Result r = Icc.compute(x);
    results = ReportTables.toResultsTable(IccTable.of(String.join("/", cols), r, 0.05));
    icc21 = r.get(Icc.Form.ICC2_1).value();
  }
}
