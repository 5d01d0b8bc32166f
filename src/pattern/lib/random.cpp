#include "pattern/lang/library.hpp"

namespace seiche::lang {

void registerRandomFunctions(Library& lib) {
    (void)lib;
}

}  // namespace seiche::lang
