"""An Open Referral UK (HSDS-UK 3.0) feed of the public intervention library (``api.openreferral_api``)."""
