// Keeps the analysis library non-empty while its parts are written; holds the model format version.
namespace seiche::analysis {
int modelFormatVersion() { return 1; }
}  // namespace seiche::analysis
