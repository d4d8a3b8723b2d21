"""The channels applicants write through, named in credentials.yml (Rasa's extension point).

Rasa's REST and socket channels, with bounded input: a message longer than
APPLICANT_MESSAGE_MAX_CHARS never reaches the model; it becomes the intent
`message_too_long` (with the message's language), which the rules in
data/bounded_input.yml answer, in that language, without losing the applicant's
place in a form. The request body itself is bounded by Sanic
(SANIC_REQUEST_MAX_SIZE: 413 at the door) and, on the socket channel, by the
socket server's buffer (APPLICANT_SOCKET_MAX_BYTES).

Also: a rate limit per conversation and address (rate_limit.py), each conversation
bound to the client that started it (session_binding.py), several requests in one
message taken one after another (several_requests.py), and the applicant's presence
for the desk (presence.py), and on the socket each reply's language, which the chat
page follows (reply_language.py).
"""
from applicant_channels.bounded import BoundedRestInput, BoundedSocketIOInput

__all__ = ["BoundedRestInput", "BoundedSocketIOInput"]
