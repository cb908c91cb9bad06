"""The test suite; mirrors src/privacy_checkup."""
