// Keeps the session library non-empty while its parts are written.
namespace seiche::session {
int storeLibraryMarker() { return 1; }
}  // namespace seiche::session
