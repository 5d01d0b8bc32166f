#pragma once
// Wall-clock times as the store writes them: ISO 8601 UTC with milliseconds
// ("2026-11-22T05:58:07.226Z"), the same text SQLite's strftime('%Y-%m-%dT%H:%M:%fZ') gives,
// so times written by C++ and by SQL defaults sort together.
#include <chrono>
#include <string>

namespace seiche::session {

std::string isoUtcMillis(std::chrono::system_clock::time_point time);

}  // namespace seiche::session
