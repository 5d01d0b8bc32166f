#include "session/iso_time.hpp"

#include <cstdio>
#include <ctime>

namespace seiche::session {

std::string isoUtcMillis(std::chrono::system_clock::time_point time) {
    using namespace std::chrono;
    const auto millis = duration_cast<milliseconds>(time.time_since_epoch()).count();
    // Floor division, so times before 1970 still get a millisecond part in 0..999.
    std::time_t seconds = static_cast<std::time_t>(millis / 1000);
    long long part = millis % 1000;
    if (part < 0) {
        part += 1000;
        --seconds;
    }
    std::tm parts{};
    gmtime_r(&seconds, &parts);
    char text[80];  // room for any int the format could print, as the compiler counts
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03lldZ", parts.tm_year + 1900, parts.tm_mon + 1,
                  parts.tm_mday, parts.tm_hour, parts.tm_min, parts.tm_sec, part);
    return text;
}

}  // namespace seiche::session
