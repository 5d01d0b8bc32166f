# seiche-cli journal, run as a user would against journals recorded through the Journal
# API by a small helper (tests/session/journal_record.cpp), including one killed with
# SIGKILL mid-performance. The unit tests are tests/unit/journal_*_test.cpp (test_journal).
add_executable(journal_record ${CMAKE_SOURCE_DIR}/tests/session/journal_record.cpp)
target_link_libraries(journal_record PRIVATE seiche_session)
add_test(NAME journal_cli
         COMMAND /usr/bin/python3 ${CMAKE_SOURCE_DIR}/tests/session/journal_cli_test.py
                 $<TARGET_FILE:seiche-cli> $<TARGET_FILE:journal_record>)
set_tests_properties(journal_cli PROPERTIES LABELS "journal;cli;store" TIMEOUT 300)
