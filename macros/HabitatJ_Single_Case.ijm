// HabitatJ single-case example: open the image, run the ITH pipeline with a mask file, show the
// habitat overlay and print the scores.
//
//   xvfb-run -a java -Dplugins.dir=/path/to/ImageJ -jar ij.jar -batch HabitatJ_Single_Case.ijm \
//     "image=[test-images/STS_008/MR_T1_image.nii.gz] mask=[test-images/STS_008/MR_T1_mask.nii.gz] output=[out/STS_008]"
// or from Fiji / ImageJ (Plugins > Macros > Run...): file dialogs ask for the three paths.
// The case ID written to the results is case=[...] when given, else the image's folder name
// (STS_008 above), since images of a cohort often share one file name.

args = getArgument();
image = opt(args, "image", "");
mask = opt(args, "mask", "");
output = opt(args, "output", "");
if (image == "") image = File.openDialog("Image (NIfTI/NRRD)");
if (mask == "") mask = File.openDialog("Mask (NIfTI/NRRD)");
if (output == "") output = getDirectory("Output folder");
caseId = opt(args, "case", File.getName(File.getParent(image)));

// 1. open the image with its geometry (File > Import > NIfTI/NRRD (HabitatJ)...)
run("NIfTI/NRRD (HabitatJ)...", "open=[" + image + "]");
title = getTitle();

// 2. the whole pipeline: ring 3 mm, K = 6 habitats, seed 0; every key written out (as recorded)
run("Run ITH Pipeline", "image=[" + title + "] image_file=[] mask_source=[mask file] mask_file=["
  + mask + "] mask_image=[] label=0 settings_file=[] bin_width=25 ring_mm=3 habitats=6 "
  + "k_selection=fixed seed=0 window_radius=2 masked_window=false bins_per_window=true "
  + "map_families=[firstorder,glcm,glrlm,glszm,gldm,ngtdm] all_slices=false "
  + "roma=[] composition=none case_id=[" + caseId + "] output_dir=[" + output + "]");

// 3. the scores are in the Results table; the habitat overlay is the active image
print(caseId + ": ITH score " + d2s(getResult("ith_score", 0), 4)
  + ", combined ITH score " + d2s(getResult("combined_ith_score", 0), 4)
  + ", K = " + getResult("habitat_k", 0));
print("outputs in " + output);

function opt(s, key, def) {
  s = " " + s;
  i = indexOf(s, " " + key + "=");
  if (i < 0) return def;
  v = substring(s, i + lengthOf(key) + 2);
  if (startsWith(v, "[")) return substring(v, 1, indexOf(v, "]"));
  j = indexOf(v, " ");
  if (j < 0) return v;
  return substring(v, 0, j);
}
