#include "pattern/lang/library.hpp"

namespace seiche::lang {

void registerStructureFunctions(Library& lib) {
    (void)lib;
}

}  // namespace seiche::lang
