#include "audio/sample.hpp"
// Sample is a plain value type; this unit exists so the library always has a source.
