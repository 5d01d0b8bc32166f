#include "pattern/lang/library.hpp"

namespace seiche::lang {

void registerValueFunctions(Library& lib) {
    (void)lib;
}

}  // namespace seiche::lang
