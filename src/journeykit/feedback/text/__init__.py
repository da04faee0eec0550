"""Free text: personal data redaction, language detection, stop words and keywords."""
