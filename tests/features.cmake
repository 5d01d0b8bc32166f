# The MFCC (and extra features) against an independent numpy implementation of
# the same definition. /usr/bin/python3 on purpose: Debian's python3-numpy.
add_test(NAME features_mfcc_reference
         COMMAND /usr/bin/python3 ${CMAKE_SOURCE_DIR}/tests/analysis/mfcc_reference_test.py $<TARGET_FILE:seiche-cli>)
set_tests_properties(features_mfcc_reference PROPERTIES LABELS "features" TIMEOUT 300)
