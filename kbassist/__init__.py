"""kbassist: a knowledge-base and reply-script assistant for customer-service agents."""

__version__ = "0.1.0"
