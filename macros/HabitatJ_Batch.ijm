// HabitatJ batch macro: one CSV row per case for a folder of image + mask pairs.
//
// Cases: every file under INPUT (searched recursively) whose name ends with IMAGE_SUFFIX; its mask is
// the file in the same folder whose name is the image name with IMAGE_SUFFIX replaced by MASK_SUFFIX.
// The case ID is the path below INPUT without the suffix ("/" -> "_", trailing "_" dropped), e.g.
//   STS_008/MR_T1_image.nii.gz with image_suffix=MR_T1_image.nii.gz -> case STS_008; an image
//   directly in INPUT named exactly IMAGE_SUFFIX is named after INPUT's folder.
// A case that fails gets a row with status=error and the reason, and the batch goes on (case C04).
//
// Run it from a shell (ImageJ 1.x; -batch needs a display, e.g. xvfb-run on a server):
//   xvfb-run -a java -Dplugins.dir=/path/to/ImageJ -jar ij.jar -batch HabitatJ_Batch.ijm \
//     "input=[/data/cohort] output=[/data/out] image_suffix=[_image.nii.gz] mask_suffix=[_mask.nii.gz]"
// or in Fiji: Plugins > Macros > Run... (a dialog asks for the options).
//
// Options (key=value, values with spaces in [brackets]):
//   input         folder with the cases (required)
//   output        output folder: cohort.csv + one sub-folder per case (required)
//   image_suffix  default _image.nii.gz
//   mask_suffix   default _mask.nii.gz
//   mode          pipeline (Run ITH Pipeline: features, habitats, ITH scores) or features
//                 (Extract Radiomics Features only); default pipeline
//   label         ROI label, 0 = the only non-zero label; default 0
//   settings      PyRadiomics YAML parameter file (optional)
//   clinical      CSV with a case_id column and optional roma, composition columns (optional)
//   extra         further options passed unchanged to the command (optional), e.g. [habitats=4];
//                 [overwrite=true] reruns a cohort into case folders of an earlier run (delete
//                 the earlier cohort.csv first: the batch never overwrites it)

args = getArgument();
if (args == "" && !is("Batch Mode") && getInfo("macro.filepath") != "") {
  Dialog.create("HabitatJ batch");
  Dialog.addDirectory("Input folder", "");
  Dialog.addDirectory("Output folder", "");
  Dialog.addString("Image suffix", "_image.nii.gz", 24);
  Dialog.addString("Mask suffix", "_mask.nii.gz", 24);
  Dialog.addChoice("Mode", newArray("pipeline", "features"), "pipeline");
  Dialog.addNumber("Label (0 = auto)", 0);
  Dialog.addFile("Settings YAML (optional)", "");
  Dialog.addFile("Clinical CSV (optional)", "");
  Dialog.addString("Extra options", "", 40);
  Dialog.show();
  args = "input=[" + Dialog.getString() + "] output=[" + Dialog.getString() + "] image_suffix=["
    + Dialog.getString() + "] mask_suffix=[" + Dialog.getString() + "] mode=" + Dialog.getChoice()
    + " label=" + Dialog.getNumber() + " settings=[" + Dialog.getString() + "] clinical=["
    + Dialog.getString() + "] extra=[" + Dialog.getString() + "]";
}
input = opt(args, "input", "");
output = opt(args, "output", "");
imageSuffix = opt(args, "image_suffix", "_image.nii.gz");
maskSuffix = opt(args, "mask_suffix", "_mask.nii.gz");
mode = opt(args, "mode", "pipeline");
label = opt(args, "label", "0");
settings = opt(args, "settings", "");
clinical = opt(args, "clinical", "");
extra = opt(args, "extra", "");
if (input == "" || output == "")
  exit("HabitatJ batch: give input=[folder] and output=[folder]");
input = slash(input);
output = slash(output);
if (!File.isDirectory(input))
  exit("HabitatJ batch: the input folder " + input + " does not exist (or is not a folder)");
File.makeDirectory(output);
cohort = output + "cohort.csv";
if (File.exists(cohort))
  exit("HabitatJ batch: " + cohort + " exists; choose an empty output folder (inputs and old results are never overwritten)");

setBatchMode(true);
call("org.habitatj.ij.CommandBridge.continueOnError", "true");
images = newArray(0);
images = findImages(input, "", imageSuffix, images);
print("HabitatJ batch: " + images.length + " case(s) in " + input);
nOk = 0;
for (i = 0; i < images.length; i++) {
  rel = images[i];
  prefix = substring(rel, 0, lengthOf(rel) - lengthOf(imageSuffix));
  caseId = replace(prefix, "/", "_");
  while (endsWith(caseId, "_")) caseId = substring(caseId, 0, lengthOf(caseId) - 1);
  // the image directly in INPUT with the whole suffix as its name: the case is INPUT's folder name
  if (caseId == "") caseId = File.getName(substring(input, 0, lengthOf(input) - 1));
  if (caseId == "") caseId = "case" + (i + 1);
  imageFile = input + rel;
  maskFile = input + prefix + maskSuffix;
  caseDir = output + caseId + "/";
  print("[" + (i + 1) + "/" + images.length + "] " + caseId);
  if (!File.exists(maskFile)) {
    failCase(cohort, caseId, "mask file not found: " + maskFile, true);
    continue;
  }
  // the case folder is made by the command when it writes its outputs: a failing case leaves none
  common = "image_file=[" + imageFile + "] mask_source=[mask file] mask_file=[" + maskFile
    + "] label=" + label + " settings_file=[" + settings + "] case_id=[" + caseId + "]";
  if (mode == "features") {
    caseCsv = caseDir + "features.csv";
    run("Extract Radiomics Features", common + " output_csv=[" + caseCsv + "] " + extra);
  } else {
    caseCsv = caseDir + "results.csv";
    roma = call("org.habitatj.ij.BatchTable.lookup", clinical, caseId, "roma");
    composition = call("org.habitatj.ij.BatchTable.lookup", clinical, caseId, "composition");
    clin = "";
    if (roma != "") clin = clin + " roma=" + roma;
    if (composition != "") clin = clin + " composition=[" + composition + "]";
    run("Run ITH Pipeline", common + " output_dir=[" + caseDir + "]" + clin + " " + extra);
  }
  err = call("org.habitatj.ij.CommandBridge.lastError");
  if (err != "") {
    // the command has logged its error already: only the row is written
    failCase(cohort, caseId, err, false);
  } else {
    e = call("org.habitatj.ij.BatchTable.appendCase", cohort, caseCsv);
    if (e != "") failCase(cohort, caseId, e, true);
    else nOk++;
  }
  close("*");
}
call("org.habitatj.ij.CommandBridge.continueOnError", "false");
print("HabitatJ batch: done, " + nOk + " ok, " + (images.length - nOk) + " failed; " + cohort);

function failCase(cohort, caseId, reason, show) {
  if (show) print("  error: " + reason);
  e = call("org.habitatj.ij.BatchTable.appendError", cohort, caseId, reason);
  if (e != "") exit("HabitatJ batch: " + e);
}

// relative paths (below root) of files ending with suffix, sorted, recursive
function findImages(root, sub, suffix, found) {
  list = getFileList(root + sub);
  Array.sort(list);
  for (k = 0; k < list.length; k++) {
    if (endsWith(list[k], "/"))
      found = findImages(root, sub + list[k], suffix, found);
    else if (endsWith(list[k], suffix))
      found = Array.concat(found, sub + list[k]);
  }
  return found;
}

function slash(dir) {
  dir = replace(dir, "\\", "/");
  if (!endsWith(dir, "/")) dir = dir + "/";
  return dir;
}

// value of key in a "key=value key2=[value 2]" string, or def
function opt(s, key, def) {
  s = " " + s;
  i = indexOf(s, " " + key + "=");
  if (i < 0) return def;
  v = substring(s, i + lengthOf(key) + 2);
  if (startsWith(v, "[")) {
    j = indexOf(v, "]");
    return substring(v, 1, j);
  }
  j = indexOf(v, " ");
  if (j < 0) return v;
  return substring(v, 0, j);
}
