-- How many users there are (none: the first start creates admin).
SELECT count(*)::INTEGER AS total FROM app_user
