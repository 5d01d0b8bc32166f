#include "session/store_location.hpp"

#include "session/data_dir.hpp"

namespace seiche::session {

std::filesystem::path storePath(const std::optional<std::string>& dbFlag) {
    if (dbFlag && !dbFlag->empty()) return *dbFlag;
    return databasePath(resolveDataDir(std::nullopt, DataDirEnvironment::fromProcess()));
}

StoreStatus createParentDirectory(const std::filesystem::path& path) {
    const auto directory = path.parent_path();
    std::error_code ec;
    if (!directory.empty() && !std::filesystem::exists(directory, ec)) {
        std::filesystem::create_directories(directory, ec);
        if (ec)
            return storeError(ec == std::errc::permission_denied || ec == std::errc::read_only_file_system
                                  ? StoreErrorKind::ReadOnly
                                  : StoreErrorKind::CannotOpen,
                              "cannot create " + directory.string() + ": " + ec.message());
    }
    return Done{};
}

StoreResult<Store> openStoreAt(const std::filesystem::path& path, const DatabaseOptions& options) {
    if (auto created = createParentDirectory(path); !created) return *created.error;
    return Store::open(path, options);
}

StoreResult<Store> openStoreForVerb(const std::optional<std::string>& dbFlag, bool addsData) {
    const std::filesystem::path path = storePath(dbFlag);
    std::error_code ec;
    if (dbFlag && !dbFlag->empty() && !addsData && !std::filesystem::exists(path, ec))
        return storeError(StoreErrorKind::NotFound, "no database at " + path.string());
    return openStoreAt(path);
}

}  // namespace seiche::session
