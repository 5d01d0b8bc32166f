# Black-box tests of seiche-cli's contracts.
add_test(NAME cli_query_contract COMMAND python3 ${CMAKE_SOURCE_DIR}/tests/cli/query_contract_test.py $<TARGET_FILE:seiche-cli>)
set_tests_properties(cli_query_contract PROPERTIES LABELS "cli;pattern" TIMEOUT 300)
