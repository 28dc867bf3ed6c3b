-- Earlier versions kept the last failed sign-in in the session, typed password included; Regard no longer stores it.
delete from spring_session_attributes where attribute_name = 'SPRING_SECURITY_LAST_EXCEPTION';
