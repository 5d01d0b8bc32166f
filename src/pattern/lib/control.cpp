#include "pattern/lang/library.hpp"

namespace seiche::lang {

void registerControlFunctions(Library& lib) {
    (void)lib;
}

}  // namespace seiche::lang
