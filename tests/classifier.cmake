# The taste classifier from outside: CLI contract, FluCoMa import arithmetic against
# numpy, and accuracy against scikit-learn (Debian's python3 has numpy and sklearn).
set(SEICHE_SYSTEM_PYTHON /usr/bin/python3)
add_test(NAME classifier_cli_contract
         COMMAND ${SEICHE_SYSTEM_PYTHON} ${CMAKE_SOURCE_DIR}/tests/analysis/classifier_cli_test.py $<TARGET_FILE:seiche-cli> ${CMAKE_SOURCE_DIR})
add_test(NAME classifier_flucoma_import_numpy
         COMMAND ${SEICHE_SYSTEM_PYTHON} ${CMAKE_SOURCE_DIR}/tests/analysis/flucoma_import_test.py $<TARGET_FILE:seiche-cli>
                 ${CMAKE_SOURCE_DIR}/datasets/mirlca-2021/agent)
add_test(NAME classifier_mirlca_vs_sklearn
         COMMAND ${SEICHE_SYSTEM_PYTHON} ${CMAKE_SOURCE_DIR}/tests/analysis/compare_sklearn.py --cli $<TARGET_FILE:seiche-cli>
                 --data ${CMAKE_SOURCE_DIR}/datasets/mirlca-2021/training.csv --test ${CMAKE_SOURCE_DIR}/datasets/mirlca-2021/testing.csv
                 --seeds 30 --require-at-least-sklearn)
set_tests_properties(classifier_cli_contract classifier_flucoma_import_numpy classifier_mirlca_vs_sklearn
                     PROPERTIES LABELS "classifier" TIMEOUT 600)
